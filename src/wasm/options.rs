//! The options object of the JavaScript functions, and the validator it selects.
//!
//! Options are read on every call, so reading them must cost next to nothing: no options is
//! the default validator, built once; a `region` or a `profile` builds a validator once and
//! keeps it for as long as the next call asks for the same ones (the usual case: one options
//! object for a whole form). Every validator uses the product catalogue once one is installed
//! ([`install_catalog`]), and none before.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;

use super::attempt::{self, is_array};
use crate::catalog::Catalog;
use crate::config::Config;
use crate::facts::TrackAction;
use crate::profile::FieldNames;
use crate::source::{self, JsonValue};
use crate::suggest::closest;
use crate::{Locale, Profile, Validator};

#[wasm_bindgen]
extern "C" {
    /// The options of `validate` (`ValidateOptions` in TypeScript).
    #[wasm_bindgen(typescript_type = "ValidateOptions")]
    pub type ValidateOptions;

    /// The options of the field checks (`CheckOptions` in TypeScript).
    #[wasm_bindgen(typescript_type = "CheckOptions")]
    pub type CheckOptions;

    /// `Profile` in TypeScript: overrides of the API facts.
    #[wasm_bindgen(typescript_type = "Profile")]
    pub type ProfileOverrides;
}

/// The options' names, as JavaScript spells them (`region` and `action` are read by
/// `validate` and `fix` only, and accepted by the field checks so that a form can pass one
/// options object to all).
const OPTION_NAMES: [&str; 6] = [
    "region",
    "locale",
    "profile",
    "maxDiagnostics",
    "config",
    "action",
];
/// Indexes into [`OPTION_NAMES`].
const REGION: usize = 0;
const LOCALE: usize = 1;
const PROFILE: usize = 2;
const MAX_DIAGNOSTICS: usize = 3;
const CONFIG: usize = 4;
const ACTION: usize = 5;

#[wasm_bindgen(module = "/src/wasm/bindings.js")]
extern "C" {
    /// Reads the options named in `names` whose bit is set in `wanted`, in one crossing, and
    /// answers with one number: the bits of the options given (neither `undefined` nor
    /// `null`), plus [`SAME`] when every value is the one of the read last settled
    /// (`settle`), with the same `names` and `wanted`, and all are primitives (an object may
    /// have changed inside since); -1 for a key that is no option (`unknownOption` has it);
    /// -2 when a read threw (`takeFailure` has it). The read's values are `optionValue`'s,
    /// and the read itself `latestRead`'s, until the next read. Each read reads into an array
    /// of its own (a getter may call the module again while it is read), taken from one spare
    /// array that a read equal to the settled one gives back, so that the usual call
    /// allocates nothing. Each instance of the module
    /// passes its own `names` array ([`OPTION_KEYS`]): two instances may share the bindings'
    /// file, and one's read must not look like the other's.
    #[wasm_bindgen(js_name = readOptions)]
    fn read_options(options: &JsValue, names: &js_sys::Array, wanted: u32) -> f64;
    #[wasm_bindgen(js_name = optionValue)]
    fn option_value(index: usize) -> JsValue;
    /// The latest read, to [`settle`] once its settings are built.
    #[wasm_bindgen(js_name = latestRead)]
    fn latest_read() -> JsValue;
    /// Makes `read` the one later reads are compared with: called with [`SETTLED`] set to
    /// its settings, and at no other time, so that the two always describe the same read.
    fn settle(read: &JsValue);
    /// The key that is no option, after `readOptions` answered -1.
    #[wasm_bindgen(js_name = unknownOption)]
    fn unknown_option() -> String;
}

/// An options object, read in one crossing into JavaScript: which of the options in `wanted`
/// (a bit per index of [`OPTION_NAMES`]) are given, neither `undefined` nor `null`.
///
/// A key that is no option (`maxDiagnostic`, `lcoale`) is refused: a `TypeError` naming it
/// and the closest option. What a getter or a proxy trap throws is thrown on.
struct Given {
    bits: u32,
    /// Every value is the one of the read last settled, with the same `wanted`, and a
    /// primitive: the settings built from that read ([`SETTLED`]) hold for this one.
    same: bool,
}

/// The bit of `readOptions`' answer that says [`Given::same`].
const SAME: u32 = 1 << 30;

impl Given {
    fn read(options: &JsValue, wanted: u32) -> Result<Self, JsValue> {
        let answer = OPTION_KEYS.with(|names| read_options(options, names, wanted));
        if answer >= 0.0 {
            // A bit per option (six of them) and `SAME`.
            let bits = answer as u32;
            return Ok(Self {
                bits: bits & !SAME,
                same: bits & SAME != 0,
            });
        }
        // What a getter or a proxy trap threw, if that is what happened; else a key.
        attempt::thrown(())?;
        let key = unknown_option();
        let hint = closest(&key, OPTION_NAMES)
            .map(|name| format!("; did you mean `{name}`?"))
            .unwrap_or_default();
        Err(type_error(&format!(
            "options: unknown option `{key}`{hint} (the options are {})",
            OPTION_NAMES.join(", ")
        )))
    }

    /// The read's values and the read itself, taken before code of the caller's can run
    /// again: a getter or a `toJSON` of `profile` may call the module, whose read replaces
    /// these in JavaScript.
    fn take(&self) -> Values {
        Values {
            values: std::array::from_fn(|index| {
                (self.bits & 1 << index != 0).then(|| option_value(index))
            }),
            read: latest_read(),
        }
    }
}

/// One read's values, by index of [`OPTION_NAMES`] (`None` for an option not given).
struct Values {
    values: [Option<JsValue>; OPTION_NAMES.len()],
    /// The read, for `settle`.
    read: JsValue,
}

impl Values {
    /// Option `index`'s value, when it is given.
    fn take(&mut self, index: usize) -> Option<JsValue> {
        self.values.get_mut(index).and_then(Option::take)
    }
}

/// What a call runs with.
#[derive(Clone)]
pub(crate) struct Settings {
    /// The language of messages.
    pub locale: Locale,
    /// The validator for the options' region, action, profile and configuration.
    pub validator: Rc<Validator>,
    /// Whether a `config` is given: its policies and rule levels apply, so a field check
    /// takes the whole-parameter path rather than the rule function alone.
    pub configured: bool,
}

impl Settings {
    /// The settings of `validate`'s options.
    pub fn of_validate(options: Option<ValidateOptions>) -> Result<Self, JsValue> {
        Self::read(options.map(JsValue::from), true)
    }

    /// The settings of a field check's options (a `region` or an `action` in them is
    /// ignored: the field checks check values, not where the request goes or as what).
    pub fn of_check(options: Option<CheckOptions>) -> Result<Self, JsValue> {
        Self::read(options.map(JsValue::from), false)
    }

    /// The settings for a profile alone (`facts(profile)`).
    pub fn of_profile(profile: Option<ProfileOverrides>) -> Result<Self, JsValue> {
        let profile = profile.map(JsValue::from).and_then(given);
        Ok(Self {
            locale: Locale::En,
            validator: validator(Key {
                profile: object_json(profile, "profile")?,
                ..Key::default()
            })?,
            configured: false,
        })
    }

    fn read(options: Option<JsValue>, whole_request: bool) -> Result<Self, JsValue> {
        let Some(options) = options else {
            return Ok(Self {
                locale: Locale::En,
                validator: default_validator(),
                configured: false,
            });
        };
        if !options.is_object() {
            return Err(type_error("options must be an object"));
        }
        let mut wanted = [LOCALE, PROFILE, MAX_DIAGNOSTICS, CONFIG]
            .iter()
            .fold(0, |bits, index| bits | 1 << index);
        if whole_request {
            wanted |= 1 << REGION | 1 << ACTION;
        }
        let given = Given::read(&options, wanted)?;
        if given.same
            && let Some(settled) = SETTLED.with_borrow(|settled| {
                settled
                    .as_ref()
                    .filter(|(read, _)| *read == wanted)
                    .map(|(_, settings)| settings.clone())
            })
        {
            return Ok(settled);
        }
        // Kept only if these options are good: a later read of the same ones finds nothing
        // and reads them again, to throw again.
        SETTLED.set(None);
        let mut values = given.take();
        let settings = Self::from_values(&mut values)?;
        SETTLED.set(Some((wanted, settings.clone())));
        settle(&values.read);
        Ok(settings)
    }

    fn from_values(given: &mut Values) -> Result<Self, JsValue> {
        let locale = match given.take(LOCALE) {
            None => Locale::En,
            // The two tags themselves, compared in JavaScript: no string crosses over.
            Some(tag) if ZH_CN.with(|zh| tag == *zh) => Locale::ZhCn,
            Some(tag) if EN.with(|en| tag == *en) => Locale::En,
            Some(tag) => match tag.as_string() {
                Some(tag) => tag.parse().map_err(|e: crate::i18n::UnknownLocale| {
                    JsValue::from(js_sys::RangeError::new(&format!("options.locale: {e}")))
                })?,
                None => return Err(type_error("options.locale must be \"en\" or \"zh-CN\"")),
            },
        };
        let region = given.take(REGION).map(|r| region_text(&r)).transpose()?;
        let action = given.take(ACTION).map(|a| track_action(&a)).transpose()?;
        let profile = object_json(given.take(PROFILE), "profile")?;
        let config = object_json(given.take(CONFIG), "config")?;
        if profile.is_some() && config.is_some() {
            return Err(type_error(
                "options: give the API facts in `profile` or in `config.api`, not both",
            ));
        }
        let max_diagnostics = given
            .take(MAX_DIAGNOSTICS)
            .map(|max| limit(&max))
            .transpose()?;
        let configured = config.is_some();
        Ok(Self {
            locale,
            validator: validator(Key {
                region,
                action,
                profile,
                config,
                max_diagnostics,
            })?,
            configured,
        })
    }
}

/// The `maxDiagnostics` option: a non-negative integer, or `Infinity` for no limit.
fn limit(max: &JsValue) -> Result<usize, JsValue> {
    let Some(max) = max.as_f64() else {
        return Err(type_error("options.maxDiagnostics must be a number"));
    };
    if max == f64::INFINITY {
        return Ok(usize::MAX);
    }
    if !(max >= 0.0 && max.fract() == 0.0) {
        return Err(js_sys::RangeError::new(
            "cloudaudit-lint: options.maxDiagnostics must be a non-negative integer or Infinity",
        )
        .into());
    }
    // `as` saturates: a limit beyond usize::MAX is no limit.
    Ok(max as usize)
}

/// The `action` option: the name of a tracking-set API, as `--action` takes it.
fn track_action(action: &JsValue) -> Result<TrackAction, JsValue> {
    let names = || TrackAction::ALL.iter().map(|a| a.name());
    let Some(name) = action.as_string() else {
        return Err(type_error("options.action must be a string"));
    };
    TrackAction::from_name(&name).ok_or_else(|| {
        let hint = closest(&name, names())
            .map(|close| format!("did you mean `{close}`? "))
            .unwrap_or_default();
        let known: Vec<&str> = names().collect();
        type_error(&format!(
            "options.action: `{name}` is not a tracking-set API; {hint}expected one of {}",
            known.join(", ")
        ))
    })
}

/// The `region` option's text. A form passes the same region on every call: when it is the
/// string of the call before (compared in JavaScript), its text is not copied over again.
fn region_text(region: &JsValue) -> Result<String, JsValue> {
    if let Some(text) = LAST_REGION.with_borrow(|last| {
        last.as_ref()
            .filter(|(value, _)| value == region)
            .map(|(_, text)| text.clone())
    }) {
        return Ok(text);
    }
    let text = region
        .as_string()
        .ok_or_else(|| type_error("options.region must be a string"))?;
    LAST_REGION.set(Some((region.clone(), text.clone())));
    Ok(text)
}

/// `None` for `undefined` and `null`: an option left out.
fn given(value: JsValue) -> Option<JsValue> {
    (!value.is_undefined() && !value.is_null()).then_some(value)
}

/// An object option (`profile`, `config`) as JSON text (the cache key, and what is parsed).
fn object_json(value: Option<JsValue>, option: &str) -> Result<Option<String>, JsValue> {
    let Some(value) = value else {
        return Ok(None);
    };
    if !value.is_object() || is_array(&value)? {
        return Err(type_error(&format!("options.{option} must be an object")));
    }
    attempt::json_text(&value)
}

/// A `TypeError` with the package's name in front of `message`.
pub(crate) fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(&format!("cloudaudit-lint: {message}")).into()
}

/// The options a cached validator was built for.
#[derive(PartialEq, Eq, Default)]
struct Key {
    region: Option<String>,
    action: Option<TrackAction>,
    profile: Option<String>,
    config: Option<String>,
    max_diagnostics: Option<usize>,
}

thread_local! {
    static OPTION_KEYS: js_sys::Array = OPTION_NAMES.iter().map(|name| JsValue::from_str(name)).collect();
    static EN: JsValue = JsValue::from_str(Locale::En.tag());
    static ZH_CN: JsValue = JsValue::from_str(Locale::ZhCn.tag());
    static CATALOG: Cell<Option<&'static Catalog>> = const { Cell::new(None) };
    static INSTALLED: RefCell<Vec<&'static Catalog>> = const { RefCell::new(Vec::new()) };
    static DEFAULT: RefCell<Option<Rc<Validator>>> = const { RefCell::new(None) };
    static LAST: RefCell<Option<(Key, Rc<Validator>)>> = const { RefCell::new(None) };
    static LAST_REGION: RefCell<Option<(JsValue, String)>> = const { RefCell::new(None) };
    /// The settings of the read last settled (`settle`), with the bits of the options it
    /// asked for.
    static SETTLED: RefCell<Option<(u32, Settings)>> = const { RefCell::new(None) };
}

/// The product catalogue in use, if one is installed.
pub(crate) fn catalog() -> Option<&'static Catalog> {
    CATALOG.get()
}

/// Uses `catalog` from now on (none for `None`); validators built before are dropped.
///
/// Validators borrow the catalogue for `'static`, so a catalogue is kept for good once
/// installed; one equal to a catalogue installed before is that one again, so that installing
/// the same catalogue again and again (a `loadCatalog()` per page view) keeps memory flat.
pub(crate) fn install_catalog(catalog: Option<Catalog>) {
    let catalog = catalog.map(|catalog| {
        INSTALLED.with_borrow_mut(|installed| {
            if let Some(same) = installed.iter().find(|known| ***known == catalog) {
                return *same;
            }
            let kept: &'static Catalog = Box::leak(Box::new(catalog));
            installed.push(kept);
            kept
        })
    });
    CATALOG.set(catalog);
    DEFAULT.set(None);
    LAST.set(None);
    SETTLED.set(None);
}

/// A validator with the page's facts and the installed catalogue (and no other, whatever
/// features the crate was built with).
fn new_validator() -> Validator {
    Validator::new().with_catalog(catalog())
}

fn default_validator() -> Rc<Validator> {
    DEFAULT.with_borrow_mut(|default| {
        Rc::clone(default.get_or_insert_with(|| Rc::new(new_validator())))
    })
}

fn validator(key: Key) -> Result<Rc<Validator>, JsValue> {
    if key == Key::default() {
        return Ok(default_validator());
    }
    if let Some(hit) = LAST.with_borrow(|last| {
        last.as_ref()
            .filter(|(cached, _)| *cached == key)
            .map(|(_, validator)| Rc::clone(validator))
    }) {
        return Ok(hit);
    }
    let mut built = new_validator();
    if let Some(profile) = &key.profile {
        built = built.with_profile(read_profile(profile)?);
    }
    if let Some(config) = &key.config {
        let config = Config::from_json_text(config)
            .map_err(|errors| type_error(&format!("options.config: {errors}")))?;
        built = built.with_config(&config);
    }
    if let Some(action) = key.action {
        built = built.with_action(action);
    }
    if let Some(region) = &key.region {
        built = built.with_region(region.clone());
    }
    if let Some(max) = key.max_diagnostics {
        built = built.with_max_diagnostics(max);
    }
    let built = Rc::new(built);
    LAST.set(Some((key, Rc::clone(&built))));
    Ok(built)
}

/// The profile's fields as its serde form names them (camelCase), for messages.
const PROFILE_FIELDS: [&str; 8] = [
    "regions",
    "storageRegions",
    "storageTypes",
    "nameMin",
    "nameMax",
    "eventNamesCap",
    "cappedProducts",
    "eventNamesCapOther",
];

/// Reads the `profile` option (as JSON text) into a [`Profile`]: the page's values, with the
/// fields given replaced. Field names and types are those of `Profile`'s serde form, read here
/// with the crate's own parser rather than a serde deserializer (whose error messages alone
/// would bring float formatting into the module); a wasm test holds the two together.
fn read_profile(json: &str) -> Result<Profile, JsValue> {
    let root = source::parse(json).map_err(|error| match error.kind {
        source::SyntaxErrorKind::LoneSurrogate { .. } => type_error(
            "options.profile holds a string with a lone surrogate (half of a UTF-16 pair), which is not text",
        ),
        _ => type_error("options.profile is not JSON"),
    })?;
    let Some(members) = root.value.as_object() else {
        return Err(type_error("options.profile must be an object"));
    };
    let mut profile = Profile::default();
    for member in members {
        let (field, value) = (&*member.key, &member.value.value);
        match field {
            "regions" => profile.regions = strings(field, value)?,
            "storageRegions" => profile.storage_regions = strings(field, value)?,
            "storageTypes" => profile.storage_types = strings(field, value)?,
            "cappedProducts" => profile.capped_products = strings(field, value)?,
            "nameMin" => profile.name_min = count(field, value)?,
            "nameMax" => profile.name_max = count(field, value)?,
            "eventNamesCap" => profile.event_names_cap = count(field, value)?,
            "eventNamesCapOther" => profile.event_names_cap_other = count(field, value)?,
            _ => {
                let hint = closest(field, PROFILE_FIELDS)
                    .map(|name| format!("did you mean `{name}`? "))
                    .unwrap_or_default();
                return Err(type_error(&format!(
                    "options.profile: unknown field `{field}`; {hint}expected one of {}",
                    PROFILE_FIELDS.join(", ")
                )));
            }
        }
    }
    profile.check().map_err(|conflict| {
        type_error(&format!(
            "options.profile: {}",
            conflict.message(FieldNames::CamelCase)
        ))
    })?;
    Ok(profile)
}

fn strings(field: &str, value: &JsonValue<'_>) -> Result<Vec<String>, JsValue> {
    value
        .as_array()
        .and_then(|items| {
            items
                .iter()
                .map(|item| item.value.as_str().map(str::to_owned))
                .collect()
        })
        .ok_or_else(|| {
            type_error(&format!(
                "options.profile.{field} must be an array of strings"
            ))
        })
}

fn count(field: &str, value: &JsonValue<'_>) -> Result<usize, JsValue> {
    value
        .as_number()
        .and_then(|text| text.parse().ok())
        .ok_or_else(|| {
            type_error(&format!(
                "options.profile.{field} must be a non-negative integer, at most {}",
                usize::MAX
            ))
        })
}
