//! What a help line says, decided once for every language: [`Help::of`] reads a
//! [`Violation`] and chooses the advice; [`en`](super::en) and [`zh`](super::zh) only word it,
//! each with an exhaustive `match`, so a new kind of advice without a text in either language
//! does not compile.
//!
//! ```
//! use cloudaudit_lint::i18n::Help;
//! use cloudaudit_lint::{Param, Violation};
//! let v = Violation::MissingParameter { param: Param::Status };
//! assert_eq!(Help::of(&v), Some(Help::AddParameter { name: "Status" }));
//! assert_eq!(Help::of(&Violation::EventNamesEmpty), None);
//! ```

use crate::Param;
use crate::facts;
use crate::violation::{BucketNameFault, NotJson, Violation};

/// One piece of advice, language-neutral: the data its wording needs and nothing else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Help<'a> {
    /// Fix the JSON where the parser stopped.
    FixSyntax,
    /// Fix the HCL at the marked position.
    FixHcl,
    /// Save the file as UTF-8 without a byte order mark.
    SaveWithoutBom,
    /// Keep only one of the repeated keys.
    KeepOneKey,
    /// Give the region the request is sent to: by the caller's option, or as the parameter
    /// `name` in the request.
    GiveRegion {
        /// The parameter's name.
        name: &'a str,
    },
    /// Add the missing parameter `name`.
    AddParameter {
        /// The parameter's name.
        name: &'a str,
    },
    /// A value it probably should be.
    DidYouMean {
        /// The value suggested.
        suggestion: &'a str,
    },
    /// Remove the unknown parameter.
    RemoveParameter,
    /// Write this JSON value instead.
    WriteValue {
        /// The value, written as JSON.
        replacement: &'a crate::Replacement,
    },
    /// Delete the lone UTF-16 surrogate, or complete its pair.
    CompleteSurrogatePair,
    /// Set `Action` to the API validated.
    SetAction {
        /// The action's name.
        expected: &'a str,
    },
    /// Leave `Name` out of a `ModifyAuditTrack` request.
    LeaveNameOut,
    /// Set `Version` to the API's version.
    SetVersion {
        /// The version.
        version: &'a str,
    },
    /// The regions the API is offered in.
    SupportedRegions {
        /// The regions.
        regions: &'a [String],
    },
    /// Type the character again as the ASCII one it looks like.
    RetypeAscii {
        /// The ASCII character.
        looks_like: char,
    },
    /// Delete the invisible character.
    DeleteInvisible,
    /// Replace the character with one a name may hold.
    ReplaceNameCharacter,
    /// Set `EventNames` to `["*"]`, or `ResourceType` to one product.
    WildcardOrOneProduct,
    /// Keep only `["*"]`, or remove the `*`.
    WildcardOrNames,
    /// Remove the repeated entry.
    RemoveRepeatedEntry,
    /// List at least one product.
    AddResourceField,
    /// Merge the entries of one product.
    MergeProductEntries,
    /// Keep only the `*` entry, or remove it.
    WildcardOrProducts,
    /// Track every API with `["*"]`, or split the names over several tracking sets.
    WildcardOrSplit,
    /// COS bucket names are lowercase.
    LowercaseBucket,
    /// Give the account's numeric UIN.
    GiveAccountUin,
    /// Give the account's numeric APPID.
    GiveAccountAppId,
}

impl<'a> Help<'a> {
    /// The advice for `violation`, when there is something to suggest.
    pub fn of(violation: &'a Violation) -> Option<Self> {
        use Violation as V;
        let did_you_mean = |suggestion: &'a str| Some(Self::DidYouMean { suggestion });
        match violation {
            V::Syntax(_) => Some(Self::FixSyntax),
            V::HclSyntax { .. } => Some(Self::FixHcl),
            V::ByteOrderMark => Some(Self::SaveWithoutBom),
            V::DuplicateKey { .. } => Some(Self::KeepOneKey),
            // The caller can make up for a missing region with its own option.
            V::MissingParameter {
                param: Param::Region,
            } => Some(Self::GiveRegion {
                name: Param::Region.name(),
            }),
            V::MissingParameter { param } => Some(Self::AddParameter { name: param.name() }),
            V::UnknownParameter {
                suggestion: Some(s),
                ..
            } => did_you_mean(s),
            V::UnknownParameter { .. } => Some(Self::RemoveParameter),
            V::WrongType {
                replacement: Some(replacement),
                ..
            } => Some(Self::WriteValue { replacement }),
            V::NotJson {
                reason: NotJson::LoneSurrogate { .. },
                ..
            } => Some(Self::CompleteSurrogatePair),
            V::WrongAction { expected, .. } => Some(Self::SetAction { expected }),
            V::ModifyName { .. } => Some(Self::LeaveNameOut),
            V::WrongVersion { .. } => Some(Self::SetVersion {
                version: facts::API_VERSION,
            }),
            V::UnsupportedRegion {
                suggestion: Some(s),
                ..
            } => did_you_mean(s),
            V::UnsupportedRegion { supported, .. } => {
                Some(Self::SupportedRegions { regions: supported })
            }
            V::SurroundingWhitespace { trimmed, .. } => did_you_mean(trimmed),
            V::ConfusableCharacter { looks_like, .. } => Some(Self::RetypeAscii {
                looks_like: *looks_like,
            }),
            V::InvisibleCharacter { .. } => Some(Self::DeleteInvisible),
            V::NameCharset { .. } => Some(Self::ReplaceNameCharacter),
            V::ActionTypeValue {
                suggestion: Some(s),
                ..
            } => did_you_mean(s),
            V::ResourceTypeCase { lowercase, .. } => did_you_mean(lowercase),
            V::EventNamesWildcard { .. } => Some(Self::WildcardOrOneProduct),
            V::EventNamesMixedWildcard { .. } => Some(Self::WildcardOrNames),
            V::EventNamesDuplicate { .. } => Some(Self::RemoveRepeatedEntry),
            V::EventNamesCap { .. } => Some(Self::WildcardOrSplit),
            V::ResourceFieldsEmpty => Some(Self::AddResourceField),
            V::ResourceFieldsDuplicateProduct { .. } => Some(Self::MergeProductEntries),
            V::ResourceFieldsWildcardMixed { .. } => Some(Self::WildcardOrProducts),
            V::StorageTypeValue {
                suggestion: Some(s),
                ..
            }
            | V::StorageRegionUnknown {
                suggestion: Some(s),
                ..
            }
            | V::ResourceTypeUnknown {
                suggestion: Some(s),
                ..
            }
            | V::EventNameUnknown {
                suggestion: Some(s),
                ..
            } => did_you_mean(s),
            V::BucketName(BucketNameFault::Charset { character, .. })
                if character.is_ascii_uppercase() =>
            {
                Some(Self::LowercaseBucket)
            }
            V::BucketNameAppId { bucket, .. } => did_you_mean(bucket),
            V::StorageIdFormat {
                field: Param::StorageAccountId,
                ..
            } => Some(Self::GiveAccountUin),
            V::StorageIdFormat { .. } => Some(Self::GiveAccountAppId),
            // Listed rather than caught, so that a new violation is a decision here.
            V::NotAnObject { .. }
            | V::WrongType { .. }
            | V::NotJson { .. }
            | V::RegionMismatch { .. }
            | V::NameLength { .. }
            | V::ActionTypeValue { .. }
            | V::ResourceTypeFormat { .. }
            | V::SwitchValue { .. }
            | V::NotPositive { .. }
            | V::EventNamesEmpty
            | V::EventNameFormat { .. }
            | V::StorageTypeValue { .. }
            | V::StorageRegionFormat { .. }
            | V::StorageRegionUnknown { .. }
            | V::BucketName(_)
            | V::ClsTopicLength { .. }
            | V::CosPrefix(_)
            | V::StoragePrefixEmpty
            | V::CosHostLength { .. }
            | V::CompressValue { .. }
            | V::ResourceTypeUnknown { .. }
            | V::EventNameUnknown { .. }
            | V::Policy { .. } => None,
        }
    }
}
