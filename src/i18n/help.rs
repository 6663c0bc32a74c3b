//! What a help line says, decided once for every language: [`Violation::help`](crate::Violation::help) chooses the
//! advice, beside the violation's other facts; [`en`](super::en) and [`zh`](super::zh) only word it,
//! each with an exhaustive `match`, so a new kind of advice without a text in either language
//! does not compile.
//!
//! ```
//! use cloudaudit_lint::i18n::Help;
//! use cloudaudit_lint::{Param, Violation};
//! let v = Violation::MissingParameter { param: Param::Status };
//! assert_eq!(v.help(), Some(Help::AddParameter { name: "Status" }));
//! assert_eq!(Violation::EventNamesEmpty.help(), None);
//! ```

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
