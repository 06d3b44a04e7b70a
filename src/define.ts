/** `newsroom-widgets/define`: registers every element. The only module with that side effect for all of them. */
import './components/summary/summary.js';
import './components/stance-card/stance-card.js';
import './components/stances/stances.js';
import './components/source-list/source-list.js';
import './components/cite/cite.js';
import './components/analysis/analysis.js';
import './components/timeline/timeline.js';

// The script-tag bundles are built from this module: exported here, the fetch timeout and the
// languages are settable there too (`NewsroomWidgets.setFetchTimeout(ms)`,
// `NewsroomWidgets.registerLocale(tag, messages)` with the classic script, an import from the
// module script), not only from the npm package's root.
export { setFetchTimeout } from './internal/data/shared-fetch.js';
export { registerLocale } from './internal/i18n/locale.js';
