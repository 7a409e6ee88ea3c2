import { render } from 'preact';
import '../../components/theme.css';
import { Popup } from '../../components/Popup';
import { i18n, uiLanguage } from '../../components/text';

document.documentElement.lang = uiLanguage();
document.title = i18n.t('ui.appTitle');
render(<Popup />, document.getElementById('app')!);
