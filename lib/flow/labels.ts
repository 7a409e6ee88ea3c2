/**
 * Page labels as the portals show them, in the seven languages the guide recognises (the portal
 * facts in test/replica/README.md, "Languages"). Each entry lists every known spelling; the first
 * is the one shown to the agent. Strings marked `inferred` are Microsoft's usual terminology, not
 * read from the localized articles: the locator also relies on locale-independent hooks, so a wrong
 * guess there costs a fallback, never a wrong click.
 */
export const PAGE_LANGS = ['en', 'ko', 'ja', 'de', 'fr', 'es', 'zh-CN'] as const;
export type PageLang = (typeof PAGE_LANGS)[number];
export type LabelSet = Readonly<Record<PageLang, readonly string[]>>;

export const LABELS = {
  dashboard: {
    en: ['Partner Center dashboard'], ko: ['파트너 센터 대시보드'], ja: ['パートナー センター ダッシュボード'],
    de: ['Partner Center-Dashboard'], fr: ['Tableau de bord de l’Espace partenaires'],
    es: ['Panel del Centro de partners'], 'zh-CN': ['合作伙伴中心仪表板'],
  },
  customers: {
    en: ['Customers'], ko: ['고객'], ja: ['顧客'], de: ['Kunden'], fr: ['Clients'], es: ['Clientes'], 'zh-CN': ['客户'],
  },
  customerList: {
    en: ['Customer list', 'Customers'], ko: ['고객 목록', '고객'], ja: ['顧客一覧', '顧客'], de: ['Kundenliste', 'Kunden'],
    fr: ['Liste des clients', 'Clients'], es: ['Lista de clientes', 'Clientes'], 'zh-CN': ['客户列表', '客户'],
  },
  // Today's left navigation: "Administer" inside a CSP group (public docs: ja keeps the English
  // word, de "Verwalten"; ko, fr, es, zh-CN inferred); the older "Administer in CSP" (older docs)
  // second.
  administerInCsp: {
    en: ['Administer', 'Administer in CSP'], ko: ['관리', 'CSP에서 관리'], ja: ['Administer', 'CSP で管理'],
    de: ['Verwalten', 'In CSP verwalten'], fr: ['Administrer', 'Administrer dans CSP'], es: ['Administrar', 'Administrar en CSP'],
    'zh-CN': ['管理', '在 CSP 中管理'],
  },
  // Support → Customer requests (en from public docs; the other languages inferred).
  customerRequests: {
    en: ['Customer requests'], ko: ['고객 요청'], ja: ['顧客の要求'], de: ['Kundenanfragen'], fr: ['Demandes des clients'],
    es: ['Solicitudes de clientes'], 'zh-CN': ['客户请求'],
  },
  serviceManagement: {
    en: ['Service management'], ko: ['서비스 관리'], ja: ['サービス管理'], de: ['Serviceverwaltung', 'Dienstverwaltung'],
    fr: ['Gestion des services'], es: ['Administración de servicios'], 'zh-CN': ['服务管理'],
  },
  serviceRequests: {
    en: ['Service requests'], ko: ['서비스 요청'], ja: ['サービス要求'], de: ['Serviceanfragen'],
    fr: ['Demandes de service'], es: ['Solicitudes de servicio'], 'zh-CN': ['服务请求'],
  },
  newRequest: {
    en: ['New request'], ko: ['새 요청'], ja: ['新しい要求'], de: ['Neue Anfrage'], fr: ['Nouvelle demande'],
    es: ['Nueva solicitud'], 'zh-CN': ['新建请求'],
  },
  office365: {
    en: ['Microsoft Office 365', 'Office 365, Dynamics 365, Enterprise Mobility Suite', 'Microsoft 365'],
    ko: ['Microsoft Office 365', 'Office 365, Dynamics 365, Enterprise Mobility Suite', 'Microsoft 365'],
    ja: ['Microsoft Office 365', 'Office 365, Dynamics 365, Enterprise Mobility Suite', 'Microsoft 365'],
    de: ['Microsoft Office 365', 'Office 365, Dynamics 365, Enterprise Mobility Suite', 'Microsoft 365'],
    fr: ['Microsoft Office 365', 'Office 365, Dynamics 365, Enterprise Mobility Suite', 'Microsoft 365'],
    es: ['Microsoft Office 365', 'Office 365, Dynamics 365, Enterprise Mobility Suite', 'Microsoft 365'],
    'zh-CN': ['Microsoft Office 365', 'Office 365, Dynamics 365, Enterprise Mobility Suite', 'Microsoft 365'],
  },
  signIn: {
    en: ['Sign in'], ko: ['로그인'], ja: ['サインイン'], de: ['Anmelden'], fr: ['Se connecter'], es: ['Iniciar sesión'],
    'zh-CN': ['登录'],
  },
  support: {
    en: ['Support'], ko: ['지원'], ja: ['サポート'], de: ['Support'], fr: ['Support'], es: ['Soporte'], 'zh-CN': ['支持'],
  },
  // From public docs: fr, es human-translated; de, ko.
  helpAndSupport: {
    en: ['Help & support', 'Need help?'], ko: ['도움말 및 지원', '도움이 필요하신가요?'], ja: ['ヘルプとサポート'],
    de: ['Hilfe und Support'], fr: ['Aide & support technique', 'Aide et support'], es: ['Ayuda y soporte técnico'], 'zh-CN': ['帮助和支持'],
  },
  newServiceRequest: {
    en: ['New service request'], ko: ['새 서비스 요청', '새로운 서비스 요청'], ja: ['新しいサービス要求', '新しいサービス リクエスト'],
    de: ['Neue Serviceanfrage'], fr: ['Nouvelle demande de service'], es: ['Nueva solicitud de servicio'],
    'zh-CN': ['新建服务请求'],
  },
  // From public docs (ko 2020, ja, zh-CN, fr, es, de); 2026: the headset icon's "Contact support".
  contactSupport: {
    en: ['Contact Support', 'Contact support'], ko: ['지원 팀에 문의', '지원 팀에 문의하기'], ja: ['サポートに問い合わせ'],
    de: ['Support kontaktieren'], fr: ['Contacter le support technique', 'Contacter le support'],
    es: ['Ponerse en contacto con el soporte técnico'], 'zh-CN': ['联系支持人员'],
  },
  newMicrosoftServiceRequest: {
    en: ['New Microsoft service request'], ko: ['새 Microsoft 서비스 요청'], ja: ['新しい Microsoft サービス要求'],
    de: ['Neue Microsoft-Serviceanfrage'], fr: ['Nouvelle demande de service Microsoft'],
    es: ['Nueva solicitud de servicio de Microsoft'], 'zh-CN': ['新 Microsoft 服务请求'],
  },
  // The request form's choice of topic: "Support topic" (localized docs), and as Microsoft's
  // English forms also call it ("category", "Select the area", "Problem type"). A hint only: the
  // form's first choice group is the target whatever it is called, in any language
  // (lib/flow/flow.ts).
  supportTopic: {
    en: ['Support topic', 'Category', 'Select the area', 'Problem type'], ko: ['지원 항목'], ja: ['サポート トピック'],
    de: ['Supportthema'], fr: ['Rubrique de support'], es: ['Tema de soporte'], 'zh-CN': ['支持主题'],
  },
  serviceHealth: {
    en: ['Service health', 'View service health'], ko: ['서비스 상태', '서비스 상태 보기'], ja: ['サービス正常性'],
    de: ['Dienstintegrität'], fr: ['Intégrité du service'], es: ['Estado del servicio'], 'zh-CN': ['服务运行状况'],
  },
} as const satisfies Record<string, LabelSet>;

export type LabelId = keyof typeof LABELS;

/**
 * The request form's description field, as forms label it: a hint only (the field is found as the
 * request form's multi-line text field, lib/content/completion/fill.ts), so it is no LabelId of a
 * click and stays out of the guide's bundle. Inferred: Microsoft's usual wording.
 */
export const DESCRIPTION_LABEL: LabelSet = {
  en: ['Description', 'Describe the problem', 'Details'], ko: ['설명', '세부 정보'], ja: ['説明', '詳細'], de: ['Beschreibung', 'Details'],
  fr: ['Description', 'Détails'], es: ['Descripción', 'Detalles'], 'zh-CN': ['描述', '详细信息'],
};

/**
 * Characters that are no part of a label's words: bidirectional controls and marks, zero-width
 * spaces and joiners, the byte-order mark, soft hyphens.
 */
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
/** Apostrophes as typography spells them (U+2019, U+2018, U+02BC, U+FF07), compared as U+0027. */
const APOSTROPHES = /[\u2018\u2019\u02BC\uFF07]/g;

/**
 * Whitespace-folded, case-folded form used for every label comparison: without invisible
 * characters, with one apostrophe.
 */
export function normalizeLabel(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(APOSTROPHES, "'").replace(/\s+/g, ' ').trim().toLocaleLowerCase();
}

/** The language of a BCP 47 tag among the page languages (zh-Hans, zh-CN → zh-CN; pt → undefined). */
export function pageLangOf(tag: string | undefined): PageLang | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return /^zh-(cn|sg|hans)/.test(lower) ? 'zh-CN' : undefined;
  const primary = lower.split(/[-_]/)[0];
  return PAGE_LANGS.find((l) => l === primary);
}

/** Every spelling of a label in every language, normalized, for matching page text. */
export function allSpellings(id: LabelId): Set<string> {
  const set = new Set<string>();
  for (const lang of PAGE_LANGS) for (const s of LABELS[id][lang]) set.add(normalizeLabel(s));
  return set;
}

/** The label as a page in `lang` shows it (English where unknown). */
export function labelFor(id: LabelId, lang: PageLang | undefined): string {
  return LABELS[id][lang ?? 'en'][0] ?? LABELS[id].en[0]!;
}
