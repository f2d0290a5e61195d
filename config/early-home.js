// The home page's first view before the app has run (H5 only; inlined into index.html's head by
// config/index.ts, so the empty Taro app the bench compares with does not get it).
//
// On the home address this starts `home.open` while the app's scripts are still downloading, and
// draws the greeting (name, then the role acted in and the committee) the moment the answer comes: on a phone's network the
// app itself needs about 0.7 s of main-thread work after its chunk arrives before it can draw.
// The app then takes this very response instead of calling again (platform/index.h5.ts,
// takeEarlyHome: still one call for the screen), and removes the block once it has drawn the
// page (dropPrerendered). Plain ES5: it runs before any polyfill.
(function () {
  var path = window.location.pathname;
  if (path !== '/' && path !== '/pages/index/index') return;
  var base = __API_BASE__;
  var token = null;
  try {
    token = window.localStorage.getItem(__TOKEN_KEY__);
  } catch (e) {
    /* storage blocked: signed out */
  }
  // Deployed and without a PC session the app goes to the sign-in code: nothing to ask.
  if (base && !token) return;
  if (typeof fetch !== 'function') return;
  var headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = 'Bearer ' + token;
  var response = fetch(base + '/api/home.open', { method: 'POST', headers: headers, credentials: base ? 'omit' : 'same-origin', body: '{"input":{}}' });
  window.__earlyHome = { token: token, response: response };
  var esc = function (s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return '&#' + c.charCodeAt(0) + ';';
    });
  };
  var draw = function (me) {
    if (window.__earlyHomeDone || document.getElementById('home-early')) return;
    var el = document.createElement('div');
    el.id = 'home-early';
    el.setAttribute('aria-busy', 'true');
    el.style.cssText = 'position:fixed;top:0;right:0;bottom:0;left:0;z-index:900;background:#f5f5f5;padding:18px 16px;box-sizing:border-box;font-family:-apple-system,BlinkMacSystemFont,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif';
    el.innerHTML =
      '<div style="font-size:20px;font-weight:600;color:#c8161d">' + esc(me.profile.name) + '，您好</div>' +
      (me.greeting ? '<div style="margin-top:4px;font-size:13px;color:#888">' + esc(me.greeting) + '</div>' : '') +
      '<div style="margin-top:24px;font-size:13px;color:#888">正在载入批次、申报与待办…</div>';
    document.body.appendChild(el);
  };
  response
    .then(function (r) {
      return r.ok ? r.clone().json() : null;
    })
    .then(function (body) {
      var me = body && body.ok && body.data && body.data.me;
      if (!me || !me.bound || !me.profile) return;
      if (document.body) draw(me);
      else document.addEventListener('DOMContentLoaded', function () { draw(me); });
    })
    .catch(function () {
      /* the app asks again and shows what went wrong */
    });
})();
