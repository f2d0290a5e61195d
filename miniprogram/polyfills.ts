// The built-ins the JS targets lack, for the engines that lack them. In WeChat none: the base library
// brings its own core-js (miniprogram-compat's getPolyfillInfo lists the modules, and
// scripts/wechat-compile-check.mjs lets those features pass). The H5 build takes polyfills.h5.ts.
export {};
