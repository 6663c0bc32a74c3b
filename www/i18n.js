// Every label and UI text of the page, in each language. The validation messages are not here:
// they come from the package, in the chosen locale.
//
// Placeholders are written {name} and filled by `t(locale, key, values)`.

/** The languages the page offers, in the order of the switch. */
export const LOCALES = ["en", "zh-CN"];

const en = {
  "lang.name": "English",
  "page.title": "Create tracking set - CloudAudit",
  "nav.product": "CloudAudit",
  "nav.language": "Language",
  "crumb.trackingSets": "Tracking sets",
  "crumb.create": "Create tracking set",
  "heading": "Create tracking set",
  "intro":
    "A tracking set ships the operation logs of your account to COS or CLS. Every field is checked as you type, with the same rules as the CreateAuditTrack API ({version}).",
  "tab.form": "Form",
  "tab.paste": "Paste JSON",

  "section.basic": "Basic information",
  "section.events": "Management events",
  "section.storage": "Delivery",

  "field.region": "Region",
  "help.region": "The region the request is sent to. The API is offered in {count} regions.",
  "field.name": "Tracking set name",
  "help.name": "{min} to {max} characters: letters, digits, hyphens (-) and underscores (_).",
  "placeholder.name": "e.g. audit-prod-01",
  "field.status": "Status",
  "status.on": "Enabled",
  "status.off": "Disabled",
  "help.status": "Start shipping logs as soon as the tracking set is created.",
  "field.trackForAllMembers": "Organization members",
  "check.trackForAllMembers": "Also track the operations of every member account",
  "help.trackForAllMembers":
    "For an organization's management account: member accounts' logs are shipped here too.",

  "field.actionType": "Event type",
  "actionType.Read": "Read",
  "actionType.Write": "Write",
  "actionType.*": "All",
  "help.actionType": "Which operations to track.",
  "field.resourceType": "Resource type",
  "placeholder.resourceType": "e.g. cos, or * for all products",
  "help.resourceType": "A product code such as cos, or * for all products.",
  "suggestion.all": "All products",
  "field.eventNames": "API names",
  "placeholder.eventName": "e.g. DeleteBucket",
  "button.add": "Add",
  "button.remove": "Remove {name}",
  "button.allApis": "Track all APIs (*)",
  "eventNames.empty": "No API names yet.",
  "eventNames.all": "All APIs",
  "eventNames.count.one": "1 API name",
  "eventNames.count.other": "{count} API names",
  "eventNames.countCapped": "{count} / {cap} API names",
  "help.eventNames":
    "One API name per entry (press Enter to add; paste a comma-separated list to add several), or * for all APIs. At most {cap} for {capped}.",

  "field.storageType": "Storage type",
  "storageType.cos": "COS (Cloud Object Storage)",
  "storageType.cls": "CLS (Cloud Log Service)",
  "help.storageType": "Where the logs are shipped.",
  "field.storageRegion": "Storage region",
  "help.storageRegion": "The region of the bucket or log topic.",
  "field.storageName.cos": "Bucket name",
  "field.storageName.cls": "Log topic ID",
  "placeholder.storageName.cos": "e.g. audit-logs",
  "placeholder.storageName.cls": "e.g. 0a1b2c3d-4e5f-6789-abcd-ef0123456789",
  "help.storageName.cos":
    "The bucket name without its -APPID suffix: at most {max} lowercase letters, digits and hyphens.",
  "help.storageName.cls": "The ID of the log topic, {min} to {max} characters.",
  "field.storagePrefix": "Log file prefix",
  "placeholder.storagePrefix": "e.g. cloudaudit",
  "help.storagePrefix.cos": "{min} to {max} letters and digits.",
  "help.storagePrefix.cls": "The prefix of the shipped log files.",

  "button.create": "Create",
  "button.cancel": "Reset",
  "footer.blocked": "Fix {errors} to create the tracking set.",
  "footer.ready": "Ready to create.",
  "button.fix": "Fix",
  "button.fixReplace": "Fix: write {after} instead of {before}",
  "button.fixRemove": "Fix: remove the repeated {before}",
  "group.count": "{description} ({count})",
  "live.field": "{field}: {messages}",
  "live.fieldOk": "{field}: no problems.",
  "live.blocked": "The tracking set cannot be created yet: {errors}. The first is in {field}: {message}",
  "live.fixed": "{field} fixed: {after}.",
  "live.removed": "{field} fixed: the repeated {before} is removed.",
  "created":
    "The request is valid. A console would now send CreateAuditTrack to {region} with the body shown on the right.",

  "panel.request": "Request",
  "panel.headers": "Common parameters",
  "panel.body": "Body",
  "panel.editAsJson": "Edit as JSON",
  "panel.problems": "Checks",
  "panel.noProblems": "No problems: the server would accept this request.",
  "summary.counts": "{errors}, {warnings}",
  "count.errors.one": "1 error",
  "count.errors.other": "{count} errors",
  "count.warnings.one": "1 warning",
  "count.warnings.other": "{count} warnings",

  "paste.title": "Request JSON",
  "paste.help":
    "Paste or type a CreateAuditTrack request body. Every problem is listed with its line and column; click one to select it in the editor.",
  "paste.region": "Request region",
  "paste.regionFromDocument": "From the document's Region",
  "paste.loadForm": "Load the form's request",
  "paste.format": "Format",
  "paste.diagnostics": "Diagnostics",
  "paste.noDiagnostics": "No problems found.",
  "paste.emptyText": "Paste a request to check it.",
  "paste.formatFailed": "Only valid JSON can be formatted.",
  "diag.at": "Ln {line}, Col {column}",
  "diag.noPosition": "no position",
  "diag.error": "Error",
  "diag.warning": "Warning",
  "diag.apiError": "API error: {code}",
  "diag.rule": "Rule",

  "loading": "Loading the validator...",
  "loadFailed":
    "The validator package could not be loaded ({reason}). Build it with scripts/build-wasm.sh, or start the page with scripts/demo.sh.",
};

/** @type {typeof en} */
const zhCN = {
  "lang.name": "简体中文",
  "page.title": "创建跟踪集 - 云审计",
  "nav.product": "云审计",
  "nav.language": "语言",
  "crumb.trackingSets": "跟踪集",
  "crumb.create": "创建跟踪集",
  "heading": "创建跟踪集",
  "intro":
    "跟踪集将账号的操作日志投递到 COS 或 CLS。每个字段都在输入时按 CreateAuditTrack 接口（{version}）的规则检查。",
  "tab.form": "表单",
  "tab.paste": "粘贴 JSON",

  "section.basic": "基本信息",
  "section.events": "管理事件",
  "section.storage": "投递位置",

  "field.region": "地域",
  "help.region": "请求发送到的地域。该接口在 {count} 个地域提供。",
  "field.name": "跟踪集名称",
  "help.name": "{min} 到 {max} 个字符：字母、数字、连字符（-）和下划线（_）。",
  "placeholder.name": "例如 audit-prod-01",
  "field.status": "状态",
  "status.on": "已开启",
  "status.off": "已关闭",
  "help.status": "创建跟踪集后立即开始投递日志。",
  "field.trackForAllMembers": "集团成员",
  "check.trackForAllMembers": "同时跟踪所有成员账号的操作",
  "help.trackForAllMembers": "适用于集团管理账号：成员账号的日志也投递到这里。",

  "field.actionType": "事件类型",
  "actionType.Read": "读",
  "actionType.Write": "写",
  "actionType.*": "全部",
  "help.actionType": "要跟踪哪些操作。",
  "field.resourceType": "资源类型",
  "placeholder.resourceType": "例如 cos，或 * 表示全部产品",
  "help.resourceType": "产品代码（如 cos），或 * 表示全部产品。",
  "suggestion.all": "全部产品",
  "field.eventNames": "接口名称",
  "placeholder.eventName": "例如 DeleteBucket",
  "button.add": "添加",
  "button.remove": "删除 {name}",
  "button.allApis": "跟踪全部接口（*）",
  "eventNames.empty": "尚未添加接口名称。",
  "eventNames.all": "全部接口",
  "eventNames.count.one": "1 个接口名称",
  "eventNames.count.other": "{count} 个接口名称",
  "eventNames.countCapped": "{count} / {cap} 个接口名称",
  "help.eventNames":
    "每项一个接口名称（按回车添加；粘贴以逗号分隔的列表可一次添加多个），或 * 表示全部接口。{capped} 最多 {cap} 个。",

  "field.storageType": "存储类型",
  "storageType.cos": "COS（对象存储）",
  "storageType.cls": "CLS（日志服务）",
  "help.storageType": "日志投递到哪里。",
  "field.storageRegion": "存储地域",
  "help.storageRegion": "存储桶或日志主题所在的地域。",
  "field.storageName.cos": "存储桶名称",
  "field.storageName.cls": "日志主题 ID",
  "placeholder.storageName.cos": "例如 audit-logs",
  "placeholder.storageName.cls": "例如 0a1b2c3d-4e5f-6789-abcd-ef0123456789",
  "help.storageName.cos": "不带 -APPID 后缀的存储桶名称：最多 {max} 个小写字母、数字和连字符。",
  "help.storageName.cls": "日志主题的 ID，{min} 到 {max} 个字符。",
  "field.storagePrefix": "日志文件前缀",
  "placeholder.storagePrefix": "例如 cloudaudit",
  "help.storagePrefix.cos": "{min} 到 {max} 个字母和数字。",
  "help.storagePrefix.cls": "投递的日志文件的前缀。",

  "button.create": "创建",
  "button.cancel": "重置",
  "footer.blocked": "修正 {errors}后即可创建跟踪集。",
  "footer.ready": "可以创建。",
  "button.fix": "修正",
  "button.fixReplace": "修正：将 {before} 改为 {after}",
  "button.fixRemove": "修正：删除重复的 {before}",
  "group.count": "{description}（{count} 处）",
  "live.field": "{field}：{messages}",
  "live.fieldOk": "{field}：没有问题。",
  "live.blocked": "暂时无法创建跟踪集：{errors}。第一个问题在{field}：{message}",
  "live.fixed": "{field}已修正：{after}。",
  "live.removed": "{field}已修正：已删除重复的 {before}。",
  "created": "请求有效。控制台此时会将右侧的请求体以 CreateAuditTrack 发送到 {region}。",

  "panel.request": "请求",
  "panel.headers": "公共参数",
  "panel.body": "请求体",
  "panel.editAsJson": "以 JSON 编辑",
  "panel.problems": "检查结果",
  "panel.noProblems": "没有问题：服务器会接受此请求。",
  "summary.counts": "{errors}，{warnings}",
  "count.errors.one": "1 个错误",
  "count.errors.other": "{count} 个错误",
  "count.warnings.one": "1 个警告",
  "count.warnings.other": "{count} 个警告",

  "paste.title": "请求 JSON",
  "paste.help":
    "粘贴或输入 CreateAuditTrack 请求体。每个问题都列出其行号和列号；点击即可在编辑器中选中。",
  "paste.region": "请求地域",
  "paste.regionFromDocument": "使用文档中的 Region",
  "paste.loadForm": "载入表单的请求",
  "paste.format": "格式化",
  "paste.diagnostics": "诊断",
  "paste.noDiagnostics": "未发现问题。",
  "paste.emptyText": "粘贴请求即可检查。",
  "paste.formatFailed": "只有有效的 JSON 才能格式化。",
  "diag.at": "第 {line} 行，第 {column} 列",
  "diag.noPosition": "无位置",
  "diag.error": "错误",
  "diag.warning": "警告",
  "diag.apiError": "API 错误码：{code}",
  "diag.rule": "规则",

  "loading": "正在加载校验器……",
  "loadFailed":
    "无法加载校验包（{reason}）。请用 scripts/build-wasm.sh 构建，或用 scripts/demo.sh 启动页面。",
};

const TABLES = { en, "zh-CN": zhCN };

/** The text of `key` in `locale`, with `{name}` placeholders replaced from `values`. */
export function t(locale, key, values = {}) {
  const table = TABLES[locale] ?? en;
  const text = table[key] ?? en[key];
  if (text === undefined) throw new Error(`no UI text "${key}"`);
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/**
 * The text of `key` for a number: `key.one` or `key.other` as the language's plural rules say,
 * with `{count}` and `values` filled in.
 */
export function tn(locale, key, count, values = {}) {
  const form = new Intl.PluralRules(locale).select(count) === "one" ? "one" : "other";
  return t(locale, `${key}.${form}`, { ...values, count });
}

/** Every key of the English table (the tests check that each language has them all). */
export function keys(locale = "en") {
  return Object.keys(TABLES[locale] ?? {});
}
