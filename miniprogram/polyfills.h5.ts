// The built-ins the H5 targets (iOS Safari 13.0, Chrome 86) lack and the H5 build calls: Taro's router
// encodes and parses addresses with query-string, which calls String.prototype.replaceAll (Safari 13.1+).
// One core-js module per import, by its name: scripts/wechat-compile-check.mjs lets exactly these
// features pass in dist/h5 and names any other such call.
import 'core-js/modules/es.string.replace-all.js';
