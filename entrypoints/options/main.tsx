import { render } from 'preact';
import '../../components/theme.css';
import { Options } from '../../components/Options';
import { i18n, uiLanguage } from '../../components/text';

document.documentElement.lang = uiLanguage();
document.title = i18n.t('ui.options.title');
render(<Options />, document.getElementById('app')!);
