/**
 * Obvious robots and link-preview fetchers, by user agent: crawlers, WeChat's and other apps'
 * link-card fetchers, command-line clients, headless browsers. A view from one is not counted.
 * WeChat's own in-app browser (MicroMessenger without a preview marker) is a person.
 */
const BOT_PATTERN =
  /bot\b|bot\/|crawler|spider|slurp|preview|facebookexternalhit|embedly|quora link|whatsapp|telegram|discord|slack|skypeuripreview|vkshare|pinterest|bingpreview|headlesschrome|phantomjs|puppeteer|playwright|python-requests|python-urllib|aiohttp|curl\/|wget\/|httpclient|okhttp|go-http-client|java\/|libwww|scrapy|axios\/|node-fetch|undici|wechatshare|mpcrawler|baiduspider|yisouspider|sogou|360spider|bytespider|petalbot/i;

/** True for a user agent that is a robot or a preview fetcher; an empty one counts as a robot on the web. */
export function isBot(userAgent: string | null | undefined): boolean {
  const ua = (userAgent ?? '').trim();
  if (ua === '') return true;
  return BOT_PATTERN.test(ua);
}
