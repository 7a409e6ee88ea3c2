import { render } from 'preact';
import '../../components/theme.css';
import { SidePanel } from '../../components/SidePanel';
import { i18n, uiLanguage } from '../../components/text';

document.documentElement.lang = uiLanguage();
document.title = i18n.t('ui.appTitle');
render(<SidePanel />, document.getElementById('app')!);
