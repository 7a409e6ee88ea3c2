// The replicas' texts in the seven page languages (en, ko, ja, de, fr, es, zh-CN). Labels of the
// flow come from Microsoft's public, localized docs (README.md, "Languages"); a string marked `//
// inferred` is Microsoft's usual wording where those docs give none (not read from a source).
// Apostrophes are typographic (U+2019) where the text has one. Missing languages fall back to
// English (common.js `stringsFor`).

const L = (en, ko, ja, de, fr, es, zh) => ({ en, ko, ja, de, fr, es, 'zh-CN': zh });

/** Partner Center. */
export const PC_STRINGS = {
  partnerCenter: L('Partner Center', '파트너 센터', 'パートナー センター', 'Partner Center', 'Espace partenaires', 'Centro de partners', '合作伙伴中心'),
  // Dashboard heading: en, ko from public docs; the others as the localized articles spell the dashboard (inferred).
  dashboard: L('Partner Center dashboard', '파트너 센터 대시보드', 'パートナー センター ダッシュボード', 'Partner Center-Dashboard',
    'Tableau de bord de l\u2019Espace partenaires', 'Panel del Centro de partners', '合作伙伴中心仪表板'),
  home: L('Home', '홈', 'ホーム', 'Startseite', 'Accueil', 'Inicio', '主页'), // inferred (ko..zh)
  customers: L('Customers', '고객', '顧客', 'Kunden', 'Clients', 'Clientes', '客户'), // public docs
  csp: L('CSP', 'CSP', 'CSP', 'CSP', 'CSP', 'CSP', 'CSP'),
  // Public docs: ja keeps "Administer" in English, de "Verwalten"; ko, fr, es, zh inferred.
  administer: L('Administer', '관리', 'Administer', 'Verwalten', 'Administrer', 'Administrar', '管理'),
  supportGroup: L('Support', '지원', 'サポート', 'Support', 'Support', 'Soporte', '支持'), // public docs (admin center's Support), for Partner Center inferred
  customerRequests: L('Customer requests', '고객 요청', '顧客の要求', 'Kundenanfragen', 'Demandes des clients', 'Solicitudes de clientes', '客户请求'), // inferred (ko..zh)
  serviceHealth: L('Service health', '서비스 상태', 'サービス正常性', 'Dienstintegrität', 'Intégrité du service', 'Estado del servicio', '服务运行状况'), // public docs
  billing: L('Billing', '청구', '請求', 'Abrechnung', 'Facturation', 'Facturación', '账单'), // inferred
  settings: L('Settings', '설정', '設定', 'Einstellungen', 'Paramètres', 'Configuración', '设置'), // inferred
  helpSupport: L('Help + support', '도움말 + 지원', 'ヘルプ + サポート', 'Hilfe + Support', 'Aide + support', 'Ayuda + soporte', '帮助 + 支持'), // inferred
  search: L('Search', '검색', '検索', 'Suchen', 'Rechercher', 'Buscar', '搜索'), // inferred
  selectRow: L('Select row', '행 선택', '行の選択', 'Zeile auswählen', 'Sélectionner une ligne', 'Seleccionar fila', '选择行'), // en: public script; others inferred
  customerName: L('Customer name', '고객 이름', '顧客名', 'Kundenname', 'Nom du client', 'Nombre del cliente', '客户名称'), // inferred
  domain: L('Primary domain name', '기본 도메인 이름', 'プライマリ ドメイン名', 'Primärer Domänenname', 'Nom de domaine principal', 'Nombre de dominio principal', '主域名'), // inferred
  tenantId: L('Microsoft ID', 'Microsoft ID', 'Microsoft ID', 'Microsoft-ID', 'ID Microsoft', 'Id. de Microsoft', 'Microsoft ID'), // inferred
  account: L('Account', '계정', 'アカウント', 'Konto', 'Compte', 'Cuenta', '帐户'), // inferred
  subscriptions: L('Subscriptions', '구독', 'サブスクリプション', 'Abonnements', 'Abonnements', 'Suscripciones', '订阅'), // inferred
  adminRelationships: L('Admin relationships', '관리자 관계', '管理者関係', 'Administratorbeziehungen', 'Relations d\u2019administrateur', 'Relaciones de administrador', '管理员关系'), // inferred
  serviceManagement: L('Service management', '서비스 관리', 'サービス管理', 'Serviceverwaltung', 'Gestion des services', 'Administración de servicios', '服务管理'), // public docs
  users: L('Users and licenses', '사용자 및 라이선스', 'ユーザーとライセンス', 'Benutzer und Lizenzen', 'Utilisateurs et licences', 'Usuarios y licencias', '用户和许可证'), // inferred
  serviceRequests: L('Service requests', '서비스 요청', 'サービス要求', 'Serviceanfragen', 'Demandes de service', 'Solicitudes de servicio', '服务请求'), // public docs
  newRequest: L('New request', '새 요청', '新しい要求', 'Neue Anfrage', 'Nouvelle demande', 'Nueva solicitud', '新建请求'), // public docs
  administerSection: L('Administer services', '서비스 관리', 'サービスの管理', 'Dienste verwalten', 'Administrer les services', 'Administrar servicios', '管理服务'), // en: public docs; others inferred
  // Replica-only (knob replica-renamed): a renamed "Service requests" that no portal is known to show.
  renamedRequests: L('Support requests', '지원 요청', 'サポート要求', 'Supportanfragen', 'Demandes d’assistance', 'Solicitudes de soporte', '支持请求'),
  supportTickets: L('Support tickets', '지원 티켓', 'サポート チケット', 'Supporttickets', 'Tickets de support', 'Incidencias de soporte', '支持票证'), // en: public docs; others inferred
  ms365: L('Microsoft 365', 'Microsoft 365', 'Microsoft 365', 'Microsoft 365', 'Microsoft 365', 'Microsoft 365', 'Microsoft 365'),
  office2019: L('Microsoft Office 365', 'Microsoft Office 365', 'Microsoft Office 365', 'Microsoft Office 365', 'Microsoft Office 365', 'Microsoft Office 365', 'Microsoft Office 365'), // public docs
  azure2019: L('Microsoft Azure', 'Microsoft Azure', 'Microsoft Azure', 'Microsoft Azure', 'Microsoft Azure', 'Microsoft Azure', 'Microsoft Azure'),
  office2021: L('Office 365, Dynamics 365, Enterprise Mobility Suite', 'Office 365, Dynamics 365, Enterprise Mobility Suite', 'Office 365, Dynamics 365, Enterprise Mobility Suite',
    'Office 365, Dynamics 365, Enterprise Mobility Suite', 'Office 365, Dynamics 365, Enterprise Mobility Suite', 'Office 365, Dynamics 365, Enterprise Mobility Suite',
    'Office 365, Dynamics 365, Enterprise Mobility Suite'), // product names, not translated
  azure2021: L('Azure', 'Azure', 'Azure', 'Azure', 'Azure', 'Azure', 'Azure'),
  requestId: L('Request ID', '요청 ID', '要求 ID', 'Anfrage-ID', 'ID de la demande', 'Id. de solicitud', '请求 ID'), // inferred
  title: L('Title', '제목', 'タイトル', 'Titel', 'Titre', 'Título', '标题'), // inferred
  status: L('Status', '상태', '状態', 'Status', 'État', 'Estado', '状态'), // inferred
  created: L('Created', '만든 날짜', '作成日', 'Erstellt', 'Créée le', 'Creada', '创建时间'), // inferred
  open: L('Open', '열림', 'オープン', 'Offen', 'Ouverte', 'Abierta', '打开'), // inferred
  closed: L('Closed', '닫힘', 'クローズ', 'Geschlossen', 'Fermée', 'Cerrada', '已关闭'), // inferred
  showClosed: L('Show closed requests', '닫힌 요청 표시', 'クローズした要求を表示', 'Geschlossene Anfragen anzeigen', 'Afficher les demandes fermées', 'Mostrar solicitudes cerradas', '显示已关闭的请求'), // inferred
  srIntro: L('Create and track support requests for this customer.', '이 고객의 지원 요청을 만들고 추적합니다.', 'この顧客のサポート要求を作成して追跡します。',
    'Erstellen und verfolgen Sie Supportanfragen für diesen Kunden.', 'Créez et suivez les demandes de support de ce client.', 'Cree y realice un seguimiento de las solicitudes de soporte de este cliente.', '为此客户创建和跟踪支持请求。'),
  smIntro: L('Manage this customer\u2019s services and open support requests on their behalf.', '이 고객의 서비스를 관리하고 고객을 대신하여 지원 요청을 엽니다.',
    'この顧客のサービスを管理し、顧客に代わってサポート要求を作成します。', 'Verwalten Sie die Dienste dieses Kunden und erstellen Sie Supportanfragen in seinem Namen.',
    'Gérez les services de ce client et ouvrez des demandes de support en son nom.', 'Administre los servicios de este cliente y abra solicitudes de soporte en su nombre.', '管理此客户的服务并代表其提交支持请求。'),
  viewRequests: L('View and create service requests for this customer.', '이 고객의 서비스 요청을 보고 만듭니다.', 'この顧客のサービス要求を表示および作成します。',
    'Serviceanfragen für diesen Kunden anzeigen und erstellen.', 'Affichez et créez des demandes de service pour ce client.', 'Vea y cree solicitudes de servicio para este cliente.', '查看并创建此客户的服务请求。'),
  welcome: L('Welcome back. Here is what needs your attention.', '다시 오신 것을 환영합니다.', 'おかえりなさい。', 'Willkommen zurück.', 'Bon retour parmi nous.', 'Bienvenido de nuevo.', '欢迎回来。'),
  gdap: L('Granular admin relationships', '세분화된 관리자 관계', 'きめ細かい管理者関係', 'Granulare Administratorbeziehungen', 'Relations d\u2019administrateur granulaires', 'Relaciones de administrador granulares', '精细管理关系'), // inferred
  notFound: L('We can\u2019t find that page.', '페이지를 찾을 수 없습니다.', 'ページが見つかりません。', 'Die Seite wurde nicht gefunden.', 'Nous ne trouvons pas cette page.', 'No encontramos esa página.', '找不到该页面。'),
  loading: L('Loading', '로드 중', '読み込み中', 'Wird geladen', 'Chargement', 'Cargando', '正在加载'),
  pickCustomer: L('Customer', '고객', '顧客', 'Kunde', 'Client', 'Cliente', '客户'),
  healthIntro: L('Check the health of Microsoft services before you contact support.', '지원 팀에 문의하기 전에 Microsoft 서비스의 상태를 확인하세요.',
    'サポートに問い合わせる前に Microsoft サービスの正常性を確認してください。', 'Prüfen Sie die Integrität der Microsoft-Dienste, bevor Sie den Support kontaktieren.',
    'Vérifiez l\u2019intégrité des services Microsoft avant de contacter le support.', 'Compruebe el estado de los servicios de Microsoft antes de ponerse en contacto con el soporte.', '在联系支持人员之前检查 Microsoft 服务的运行状况。'),
  healthy: L('Healthy', '정상', '正常', 'Fehlerfrei', 'Sain', 'Correcto', '正常'),
  advisory: L('Advisory', '권고', 'アドバイザリ', 'Hinweis', 'Avis', 'Aviso', '公告'),
  service: L('Service', '서비스', 'サービス', 'Dienst', 'Service', 'Servicio', '服务'),
  administerIntro: L('Manage your customers\u2019 workloads, service requests and service health in one place.', '고객의 워크로드, 서비스 요청 및 서비스 상태를 한 곳에서 관리합니다.',
    '顧客のワークロード、サービス要求、サービス正常性を 1 か所で管理します。', 'Verwalten Sie Workloads, Serviceanfragen und Dienstintegrität Ihrer Kunden an einem Ort.',
    'Gérez au même endroit les charges de travail, demandes de service et l\u2019intégrité des services de vos clients.', 'Administre en un solo lugar las cargas de trabajo, solicitudes de servicio y el estado de los servicios de sus clientes.', '在一个位置管理客户的工作负载、服务请求和服务运行状况。'),
  customerRequestsIntro: L('Find a customer to see their requests or create a new one on their behalf.', '고객을 찾아 요청을 보거나 고객을 대신하여 새 요청을 만듭니다.',
    '顧客を検索して要求を表示するか、顧客に代わって新しい要求を作成します。', 'Suchen Sie einen Kunden, um seine Anfragen anzuzeigen oder in seinem Namen eine neue zu erstellen.',
    'Recherchez un client pour voir ses demandes ou en créer une en son nom.', 'Busque un cliente para ver sus solicitudes o crear una nueva en su nombre.', '查找客户以查看其请求或代表其创建新请求。'),
  searchCustomer: L('Search by customer name, domain or Microsoft ID', '고객 이름, 도메인 또는 Microsoft ID로 검색', '顧客名、ドメイン、または Microsoft ID で検索',
    'Nach Kundenname, Domäne oder Microsoft-ID suchen', 'Rechercher par nom de client, domaine ou ID Microsoft', 'Buscar por nombre de cliente, dominio o Id. de Microsoft', '按客户名称、域或 Microsoft ID 搜索'),
  searchFirst: L('Search for a customer to see their requests.', '고객을 검색하여 요청을 확인하세요.', '顧客を検索して要求を表示します。', 'Suchen Sie einen Kunden, um seine Anfragen zu sehen.',
    'Recherchez un client pour voir ses demandes.', 'Busque un cliente para ver sus solicitudes.', '搜索客户以查看其请求。'),
  noResults: L('No results', '결과 없음', '結果がありません', 'Keine Ergebnisse', 'Aucun résultat', 'Sin resultados', '无结果'),
  actions: L('Actions', '작업', 'アクション', 'Aktionen', 'Actions', 'Acciones', '操作'),
  // Partner Center's own Help + support (the wrong door for a customer's problem).
  ownSupportIntro: L('Get help with Partner Center itself: your account, billing, programs and incentives.', '파트너 센터 자체(계정, 청구, 프로그램 및 인센티브)에 대한 도움말을 받습니다.',
    'パートナー センター自体 (アカウント、請求、プログラム、インセンティブ) についてのヘルプを表示します。', 'Hilfe zu Partner Center selbst: Konto, Abrechnung, Programme und Anreize.',
    'Obtenez de l\u2019aide sur l\u2019Espace partenaires lui-même : compte, facturation, programmes et incentives.', 'Obtenga ayuda con el propio Centro de partners: cuenta, facturación, programas e incentivos.', '获取有关合作伙伴中心本身的帮助：帐户、账单、计划和激励。'),
  myRequests: L('Support requests', '지원 요청', 'サポート要求', 'Supportanfragen', 'Demandes de support', 'Solicitudes de soporte', '支持请求'), // inferred
  describeIssue: L('Describe your issue', '문제 설명', '問題の説明', 'Problem beschreiben', 'Décrivez votre problème', 'Describa su problema', '描述你的问题'), // inferred
  topic: L('Topic', '항목', 'トピック', 'Thema', 'Rubrique', 'Tema', '主题'), // inferred
  next: L('Next', '다음', '次へ', 'Weiter', 'Suivant', 'Siguiente', '下一步'),
  submit: L('Submit', '제출', '送信', 'Senden', 'Envoyer', 'Enviar', '提交'),
  relationshipName: L('Relationship name', '관계 이름', '関係名', 'Beziehungsname', 'Nom de la relation', 'Nombre de la relación', '关系名称'),
  endDate: L('End date', '종료 날짜', '終了日', 'Enddatum', 'Date de fin', 'Fecha de finalización', '结束日期'),
  active: L('Active', '활성', 'アクティブ', 'Aktiv', 'Active', 'Activa', '活动'),
  nothing: L('Nothing to show here yet.', '이 페이지에는 표시할 항목이 없습니다.', 'ここに表示する項目はまだありません。', 'Hier gibt es noch nichts anzuzeigen.',
    'Rien à afficher pour l\u2019instant.', 'Todavía no hay nada que mostrar.', '此处暂无内容。'),
  tileCustomers: L('Manage customer accounts, subscriptions and services.', '고객 계정, 구독 및 서비스를 관리합니다.', '顧客のアカウント、サブスクリプション、サービスを管理します。',
    'Kundenkonten, Abonnements und Dienste verwalten.', 'Gérez les comptes, abonnements et services de vos clients.', 'Administre las cuentas, suscripciones y servicios de los clientes.', '管理客户帐户、订阅和服务。'),
  tileBilling: L('Review invoices and reconciliation files.', '청구서 및 조정 파일을 확인합니다.', '請求書と調整ファイルを確認します。', 'Rechnungen und Abstimmungsdateien prüfen.',
    'Consultez les factures et les fichiers de rapprochement.', 'Revise las facturas y los archivos de conciliación.', '查看发票和对帐文件。'),
  country: L('Country/region', '국가/지역', '国/地域', 'Land/Region', 'Pays/région', 'País o región', '国家/地区'),
  additionalItem: L('Additional item', '추가 항목', '追加項目', 'Weiteres Element', 'Élément supplémentaire', 'Elemento adicional', '其他项'),
};

/** Microsoft 365 admin center. */
export const ADMIN_STRINGS = {
  app: L('Microsoft 365 admin center', 'Microsoft 365 관리 센터', 'Microsoft 365 管理センター', 'Microsoft 365 Admin Center', 'Centre d\u2019administration Microsoft 365',
    'Centro de administración de Microsoft 365', 'Microsoft 365 管理中心'), // inferred (ko..zh)
  home: L('Home', '홈', 'ホーム', 'Startseite', 'Accueil', 'Inicio', '主页'),
  users: L('Users', '사용자', 'ユーザー', 'Benutzer', 'Utilisateurs', 'Usuarios', '用户'),
  groups: L('Teams & groups', '팀 및 그룹', 'チームとグループ', 'Teams und Gruppen', 'Équipes et groupes', 'Equipos y grupos', '团队和组'),
  billing: L('Billing', '청구', '課金情報', 'Abrechnung', 'Facturation', 'Facturación', '账单'),
  setup: L('Setup', '설정 시작', 'セットアップ', 'Setup', 'Configuration', 'Configuración', '设置向导'),
  reports: L('Reports', '보고서', 'レポート', 'Berichte', 'Rapports', 'Informes', '报表'),
  support: L('Support', '지원', 'サポート', 'Support', 'Support', 'Soporte', '支持'), // public docs
  settings: L('Settings', '설정', '設定', 'Einstellungen', 'Paramètres', 'Configuración', '设置'),
  health: L('Health', '상태', '正常性', 'Integrität', 'Intégrité', 'Estado', '运行状况'),
  serviceHealth: L('Service health', '서비스 상태', 'サービス正常性', 'Dienstintegrität', 'Intégrité du service', 'Estado del servicio', '服务运行状况'), // public docs
  showAll: L('Show all', '모두 표시', 'すべてを表示', 'Alle anzeigen', 'Afficher tout', 'Mostrar todo', '全部显示'), // inferred (ko..zh)
  showLess: L('Show less', '간단히 표시', '表示を減らす', 'Weniger anzeigen', 'Afficher moins', 'Mostrar menos', '显示更少'),
  navMenu: L('Navigation menu', '탐색 메뉴', 'ナビゲーション メニュー', 'Navigationsmenü', 'Menu de navigation', 'Menú de navegación', '导航菜单'), // en: a Microsoft lab; others inferred
  newServiceRequest: L('New service request', '새 서비스 요청', '新しいサービス要求', 'Neue Serviceanfrage', 'Nouvelle demande de service', 'Nueva solicitud de servicio', '新建服务请求'), // public docs
  viewServiceRequests: L('View service requests', '서비스 요청 보기', 'サービス要求を表示', 'Serviceanfragen anzeigen', 'Afficher les demandes de service', 'Ver solicitudes de servicio', '查看服务请求'), // en: public docs; others inferred
  requestHistory: L('Service request history', '서비스 요청 기록', 'サービス要求の履歴', 'Verlauf der Serviceanfragen', 'Historique des demandes de service', 'Historial de solicitudes de servicio', '服务请求历史记录'), // en: public docs; others inferred
  // Public docs (fr, es human-translated; de, ko; ja, zh).
  helpSupport: L('Help & support', '도움말 및 지원', 'ヘルプとサポート', 'Hilfe und Support', 'Aide & support technique', 'Ayuda y soporte técnico', '帮助和支持'),
  // Public docs (ko 2020 wording, ja, zh, fr, es, de).
  contactSupport: L('Contact Support', '지원 팀에 문의하기', 'サポートに問い合わせ', 'Support kontaktieren', 'Contacter le support technique', 'Ponerse en contacto con el soporte técnico', '联系支持人员'),
  // 2026 headset icon ("Contact support"); the same words in the other languages.
  contactSupport2026: L('Contact support', '지원 팀에 문의하기', 'サポートに問い合わせ', 'Support kontaktieren', 'Contacter le support technique', 'Ponerse en contacto con el soporte técnico', '联系支持人员'),
  // Public docs (ja, zh, fr, es); ko, de inferred.
  newMicrosoftServiceRequest: L('New Microsoft service request', '새 Microsoft 서비스 요청', '新しい Microsoft サービス要求', 'Neue Microsoft-Serviceanfrage',
    'Nouvelle demande de service Microsoft', 'Nueva solicitud de servicio de Microsoft', '新 Microsoft 服务请求'),
  createServiceRequest: L('Create a service request', '서비스 요청 만들기', 'サービス要求を作成する', 'Serviceanfrage erstellen', 'Créer une demande de service', 'Crear una solicitud de servicio', '创建服务请求'), // en: public docs; others inferred
  howCanWeHelp: L('How can we help?', '무엇을 도와드릴까요?', 'どのようなご用件ですか?', 'Wie können wir helfen?', 'Comment pouvons-nous vous aider ?', '¿Cómo podemos ayudarle?', '我们能提供什么帮助?'), // inferred (ko..zh)
  supportAssistant: L('Support Assistant', '지원 도우미', 'サポート アシスタント', 'Support-Assistent', 'Assistant de support', 'Asistente de soporte', '支持助手'), // inferred (ko..zh)
  assistantHello: L('Hi, I\u2019m the Support Assistant. Tell me what\u2019s going on and I\u2019ll look for a fix.', '안녕하세요. 지원 도우미입니다. 문제를 알려 주시면 해결 방법을 찾아 드리겠습니다.',
    'サポート アシスタントです。問題をお知らせください。解決策を探します。', 'Hallo, ich bin der Support-Assistent. Beschreiben Sie das Problem, und ich suche nach einer Lösung.',
    'Bonjour, je suis l\u2019Assistant de support. Dites-moi ce qui se passe et je chercherai une solution.', 'Hola, soy el Asistente de soporte. Cuénteme qué ocurre y buscaré una solución.', '你好，我是支持助手。告诉我发生了什么，我会查找解决方法。'),
  describe: L('Describe your issue', '문제 설명', '問題の説明', 'Problem beschreiben', 'Décrivez votre problème', 'Describa su problema', '描述你的问题'),
  send: L('Send', '보내기', '送信', 'Senden', 'Envoyer', 'Enviar', '发送'),
  minimize: L('Minimize', '최소화', '最小化', 'Minimieren', 'Réduire', 'Minimizar', '最小化'),
  close: L('Close', '닫기', '閉じる', 'Schließen', 'Fermer', 'Cerrar', '关闭'),
  // 2026 contact view (phone or email → Contact me); translations inferred.
  contactHow: L('How would you like to be contacted?', '어떤 방법으로 연락을 받으시겠습니까?', 'どの方法で連絡を受けますか?', 'Wie möchten Sie kontaktiert werden?',
    'Comment souhaitez-vous être contacté ?', '¿Cómo quiere que nos pongamos en contacto con usted?', '你希望通过什么方式联系你?'),
  phone: L('Phone', '전화', '電話', 'Telefon', 'Téléphone', 'Teléfono', '电话'),
  email: L('Email', '전자 메일', 'メール', 'E-Mail', 'E-mail', 'Correo electrónico', '电子邮件'),
  phoneNumber: L('Phone number', '전화 번호', '電話番号', 'Telefonnummer', 'Numéro de téléphone', 'Número de teléfono', '电话号码'),
  emailAddress: L('Email address', '전자 메일 주소', 'メール アドレス', 'E-Mail-Adresse', 'Adresse e-mail', 'Dirección de correo electrónico', '电子邮件地址'),
  contactMe: L('Contact me', '연락 받기', '連絡を受ける', 'Kontaktieren Sie mich', 'Me contacter', 'Ponerse en contacto conmigo', '联系我'),
  contactSent: L('Thanks. A support engineer will contact you.', '감사합니다. 지원 엔지니어가 연락드릴 것입니다.', 'ありがとうございます。サポート エンジニアから連絡があります。',
    'Danke. Ein Supporttechniker wird Sie kontaktieren.', 'Merci. Un ingénieur du support vous contactera.', 'Gracias. Un ingeniero de soporte se pondrá en contacto con usted.', '谢谢。支持工程师将与你联系。'),
  // Public docs (2026 text): "If you bought all your subscriptions through a partner, contact your partner."
  partnerNote2026: L('If you bought all your subscriptions through a partner, contact your partner.', '파트너를 통해 모든 구독을 구매한 경우 파트너에게 문의하세요.',
    'すべてのサブスクリプションをパートナー経由で購入した場合は、パートナーにお問い合わせください。', 'Wenn Sie alle Abonnements über einen Partner erworben haben, wenden Sie sich an Ihren Partner.',
    'Si vous avez acheté tous vos abonnements par le biais d\u2019un partenaire, contactez votre partenaire.', 'Si compró todas sus suscripciones a través de un partner, póngase en contacto con su partner.', '如果你通过合作伙伴购买了所有订阅，请联系你的合作伙伴。'),
  partnerSold: L('Your subscription was sold by a Microsoft partner. For most issues, contact your partner first.', 'Microsoft 파트너가 판매한 구독입니다. 대부분의 문제는 먼저 파트너에게 문의하세요.',
    'このサブスクリプションは Microsoft パートナーが販売しました。ほとんどの問題は、まずパートナーにお問い合わせください。', 'Ihr Abonnement wurde von einem Microsoft-Partner verkauft. Wenden Sie sich bei den meisten Problemen zuerst an Ihren Partner.',
    'Votre abonnement a été vendu par un partenaire Microsoft. Pour la plupart des problèmes, contactez d\u2019abord votre partenaire.', 'Su suscripción la vendió un partner de Microsoft. Para la mayoría de los problemas, póngase primero en contacto con su partner.', '你的订阅由 Microsoft 合作伙伴销售。对于大多数问题，请先联系你的合作伙伴。'),
  // The request forms' topic groups: never "Support topic" (public docs: "Select the area", "Problem type", "category").
  pickArea: L('Select the area your problem is in', '문제가 있는 영역을 선택하세요', '問題が発生している領域を選択してください', 'Wählen Sie den Bereich aus, in dem das Problem auftritt',
    'Sélectionnez la zone de votre problème', 'Seleccione el área de su problema', '选择问题所在的区域'), // en: public docs' wording; others inferred
  problemType: L('Problem type', '문제 유형', '問題の種類', 'Problemtyp', 'Type de problème', 'Tipo de problema', '问题类型'), // inferred (ko..zh)
  chooseProblemType: L('Choose a problem type', '문제 유형 선택', '問題の種類を選択', 'Problemtyp auswählen', 'Choisissez un type de problème', 'Elija un tipo de problema', '选择问题类型'),
  category: L('Category', '범주', 'カテゴリ', 'Kategorie', 'Catégorie', 'Categoría', '类别'), // inferred (ko..zh)
  summary: L('Briefly describe your issue', '문제를 간략하게 설명하세요', '問題を簡単に説明してください', 'Beschreiben Sie Ihr Problem kurz', 'Décrivez brièvement votre problème',
    'Describa brevemente su problema', '简要描述你的问题'),
  severity: L('Severity', '심각도', '重大度', 'Schweregrad', 'Gravité', 'Gravedad', '严重性'), // inferred (ko..zh)
  sevA: L('A \u2013 Critical', 'A \u2013 심각', 'A \u2013 重大', 'A \u2013 Kritisch', 'A \u2013 Critique', 'A \u2013 Crítica', 'A \u2013 严重'), // A/B/C from public docs; translations inferred
  sevB: L('B \u2013 Moderate', 'B \u2013 보통', 'B \u2013 中', 'B \u2013 Mittel', 'B \u2013 Modérée', 'B \u2013 Moderada', 'B \u2013 中等'),
  sevC: L('C \u2013 Minimal', 'C \u2013 최소', 'C \u2013 最小', 'C \u2013 Minimal', 'C \u2013 Minimale', 'C \u2013 Mínima', 'C \u2013 最低'),
  description: L('Description', '설명', '説明', 'Beschreibung', 'Description', 'Descripción', '描述'),
  tellUs: L('Tell us about the problem', '문제에 대해 알려 주세요', '問題について教えてください', 'Beschreiben Sie das Problem', 'Parlez-nous du problème', 'Cuéntenos el problema', '告诉我们问题所在'),
  submit: L('Submit', '제출', '送信', 'Senden', 'Envoyer', 'Enviar', '提交'),
  delegated: L('Partner access', '파트너 액세스', 'パートナー アクセス', 'Partnerzugriff', 'Accès partenaire', 'Acceso de partner', '合作伙伴访问'), // inferred
  ownTenant: L('Your organization', '내 조직', '自分の組織', 'Ihre Organisation', 'Votre organisation', 'Su organización', '你的组织'),
  orgName: L('Partner organization (your own tenant)', '파트너 조직(내 테넌트)', 'パートナー組織 (自分のテナント)', 'Partnerorganisation (Ihr eigener Mandant)',
    'Organisation partenaire (votre propre locataire)', 'Organización del partner (su propio inquilino)', '合作伙伴组织(你自己的租户)'),
  welcome: L('Welcome', '환영합니다', 'ようこそ', 'Willkommen', 'Bienvenue', 'Bienvenido', '欢迎'),
  supportIntro: L('Get help from Microsoft support for your organization.', '조직을 위해 Microsoft 지원 팀의 도움을 받으세요.', '組織のために Microsoft サポートのヘルプを受けられます。',
    'Holen Sie sich Hilfe vom Microsoft-Support für Ihre Organisation.', 'Obtenez de l\u2019aide du support Microsoft pour votre organisation.', 'Obtenga ayuda del soporte de Microsoft para su organización.', '为你的组织获取 Microsoft 支持人员的帮助。'),
  srIntro: L('Tell us what the problem is about and describe it.', '문제의 영역을 선택하고 설명하세요.', '問題の内容を選択して説明してください。', 'Wählen Sie aus, worum es geht, und beschreiben Sie das Problem.',
    'Indiquez le sujet du problème et décrivez-le.', 'Indique de qué trata el problema y descríbalo.', '告诉我们问题涉及的方面并进行描述。'),
  healthIntro: L('View the health status of all services that are available with your current subscriptions.', '현재 구독으로 사용할 수 있는 모든 서비스의 상태를 확인합니다.',
    '現在のサブスクリプションで利用できるすべてのサービスの正常性を表示します。', 'Zeigen Sie den Integritätsstatus aller Dienste Ihrer aktuellen Abonnements an.',
    'Affichez l\u2019état d\u2019intégrité de tous les services disponibles avec vos abonnements actuels.', 'Vea el estado de todos los servicios disponibles con sus suscripciones actuales.', '查看当前订阅提供的所有服务的运行状况。'),
  healthy: L('Healthy', '정상', '正常', 'Fehlerfrei', 'Sain', 'Correcto', '正常'),
  advisory: L('Advisory', '권고', 'アドバイザリ', 'Hinweis', 'Avis', 'Aviso', '公告'),
  service: L('Service', '서비스', 'サービス', 'Dienst', 'Service', 'Servicio', '服务'),
  status: L('Status', '상태', '状態', 'Status', 'État', 'Estado', '状态'),
  loading: L('Loading', '로드 중', '読み込み中', 'Wird geladen', 'Chargement', 'Cargando', '正在加载'),
  activeUsers: L('Active users', '활성 사용자', 'アクティブなユーザー', 'Aktive Benutzer', 'Utilisateurs actifs', 'Usuarios activos', '活跃用户'),
  noRequests: L('No open service requests.', '열린 서비스 요청이 없습니다.', 'オープンなサービス要求はありません。', 'Keine offenen Serviceanfragen.', 'Aucune demande de service ouverte.',
    'No hay solicitudes de servicio abiertas.', '没有未结的服务请求。'),
  cards: L(['User management', 'Billing', 'Service health', 'Message center'], ['사용자 관리', '청구', '서비스 상태', '메시지 센터'], ['ユーザー管理', '課金情報', 'サービス正常性', 'メッセージ センター'],
    ['Benutzerverwaltung', 'Abrechnung', 'Dienstintegrität', 'Nachrichtencenter'], ['Gestion des utilisateurs', 'Facturation', 'Intégrité du service', 'Centre de messages'],
    ['Administración de usuarios', 'Facturación', 'Estado del servicio', 'Centro de mensajes'], ['用户管理', '账单', '服务运行状况', '消息中心']),
  newMessages: L('3 new messages', '새 메시지 3개', '新しいメッセージ 3 件', '3 neue Nachrichten', '3 nouveaux messages', '3 mensajes nuevos', '3 条新消息'),
  nothing: L('Nothing to show here yet.', '표시할 항목이 없습니다.', '表示する項目はまだありません。', 'Hier gibt es noch nichts anzuzeigen.', 'Rien à afficher pour l\u2019instant.',
    'Todavía no hay nada que mostrar.', '此处暂无内容。'),
};

/** The admin center request forms' topics: [key, { en, ... }]. */
export const TOPICS = [
  ['exchange', L('Exchange Online / Email', 'Exchange Online / 메일', 'Exchange Online / メール', 'Exchange Online / E-Mail', 'Exchange Online / Courrier', 'Exchange Online / Correo', 'Exchange Online / 电子邮件')],
  ['sharepoint', L('SharePoint', 'SharePoint', 'SharePoint', 'SharePoint', 'SharePoint', 'SharePoint', 'SharePoint')],
  ['teams', L('Microsoft Teams', 'Microsoft Teams', 'Microsoft Teams', 'Microsoft Teams', 'Microsoft Teams', 'Microsoft Teams', 'Microsoft Teams')],
  ['apps', L('Microsoft 365 Apps', 'Microsoft 365 앱', 'Microsoft 365 アプリ', 'Microsoft 365 Apps', 'Applications Microsoft 365', 'Aplicaciones de Microsoft 365', 'Microsoft 365 应用')],
  ['identity', L('Identity & access', 'ID 및 액세스', 'ID とアクセス', 'Identität und Zugriff', 'Identité et accès', 'Identidad y acceso', '标识和访问')],
  ['licensing', L('Licensing', '라이선싱', 'ライセンス', 'Lizenzierung', 'Licences', 'Licencias', '许可')],
];

/** The Microsoft sign-in pages (English fallback acceptable; the others as Microsoft's sign-in shows them, from memory: inferred). */
export const LOGIN_STRINGS = {
  signIn: L('Sign in', '로그인', 'サインイン', 'Anmelden', 'Se connecter', 'Iniciar sesión', '登录'),
  pickAccount: L('Pick an account', '계정 선택', 'アカウントを選択する', 'Konto auswählen', 'Choisir un compte', 'Elegir una cuenta', '选择帐户'),
  useAnother: L('Use another account', '다른 계정 사용', '別のアカウントを使用する', 'Anderes Konto verwenden', 'Utiliser un autre compte', 'Usar otra cuenta', '使用其他帐户'),
  signedIn: L('Signed in', '로그인됨', 'サインイン済み', 'Angemeldet', 'Connecté', 'Con sesión iniciada', '已登录'),
  enterPassword: L('Enter password', '암호 입력', 'パスワードの入力', 'Kennwort eingeben', 'Entrer le mot de passe', 'Escribir contraseña', '输入密码'),
  password: L('Password', '암호', 'パスワード', 'Kennwort', 'Mot de passe', 'Contraseña', '密码'),
  forgot: L('Forgot my password', '암호를 잊어버렸습니다.', 'パスワードを忘れた場合', 'Kennwort vergessen', 'J\u2019ai oublié mon mot de passe', 'He olvidado mi contraseña', '忘记密码'),
  approve: L('Approve sign in request', '로그인 요청 승인', 'サインイン要求を承認', 'Anmeldeanforderung genehmigen', 'Approuver la demande de connexion', 'Aprobar solicitud de inicio de sesión', '批准登录请求'),
  approveText: L('Open your Authenticator app, and enter the number shown to sign in.', 'Authenticator 앱을 열고 표시된 번호를 입력하여 로그인합니다.',
    'Authenticator アプリを開き、表示されている番号を入力してサインインします。', 'Öffnen Sie Ihre Authenticator-App, und geben Sie die angezeigte Nummer ein, um sich anzumelden.',
    'Ouvrez votre application Authenticator, puis entrez le nombre affiché pour vous connecter.', 'Abra la aplicación Authenticator y escriba el número que se muestra para iniciar sesión.', '打开 Authenticator 应用，然后输入显示的数字以登录。'),
  cantUse: L('I can\u2019t use my Microsoft Authenticator app right now', '지금 Microsoft Authenticator 앱을 사용할 수 없습니다.', '現在 Microsoft Authenticator アプリを使用できません',
    'Ich kann meine Microsoft Authenticator-App zurzeit nicht verwenden.', 'Je ne peux pas utiliser mon application Microsoft Authenticator pour le moment', 'No puedo usar la aplicación Microsoft Authenticator en este momento', '我当前无法使用 Microsoft Authenticator 应用'),
  dontAsk: L('Don\u2019t ask again for 30 days', '30일 동안 다시 묻지 않음', '今後 30 日間は今後確認しない', '30 Tage lang nicht mehr fragen', 'Ne plus demander pendant 30 jours', 'No volver a preguntar en 30 días', '30 天内不再询问'),
  staySignedIn: L('Stay signed in?', '로그인 상태를 유지하시겠습니까?', 'サインインの状態を維持しますか?', 'Angemeldet bleiben?', 'Rester connecté ?', '¿Quiere mantener la sesión iniciada?', '保持登录状态?'),
  staySignedInText: L('Do this to reduce the number of times you are asked to sign in.', '이렇게 하면 로그인하라는 메시지가 표시되는 횟수가 줄어듭니다.', 'これにより、サインインを求められる回数を減らすことができます。',
    'So müssen Sie sich seltener anmelden.', 'Cela vous permet de réduire le nombre de demandes de connexion.', 'Haga esto para reducir el número de veces que se le solicita iniciar sesión.', '这样可以减少要求你登录的次数。'),
  dontShow: L('Don\u2019t show this again', '다시 표시 안 함', '今後このメッセージを表示しない', 'Nicht mehr anzeigen', 'Ne plus afficher', 'No volver a mostrar', '不再显示此消息'),
  yes: L('Yes', '예', 'はい', 'Ja', 'Oui', 'Sí', '是'),
  no: L('No', '아니요', 'いいえ', 'Nein', 'Non', 'No', '否'),
  working: L('Working on it...', '작업 중...', '処理しています...', 'Wird bearbeitet...', 'Traitement en cours...', 'Trabajando en ello...', '正在处理...'),
  title: L('Sign in to your account', '계정에 로그인', 'アカウントにサインイン', 'Bei Ihrem Konto anmelden', 'Connectez-vous à votre compte', 'Iniciar sesión en la cuenta', '登录到你的帐户'),
};
