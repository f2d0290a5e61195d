import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

/**
 * The product's one date library, set up once: dayjs with its utc and timezone plugins (zones
 * through the runtime's Intl, which the weapp targets iOS 13 and Chrome 86 have) and the zh-cn
 * locale. Rules pass the instant in; nothing here reads the clock.
 */
dayjs.extend(utc);
dayjs.extend(timezone);

export const LOCALE = 'zh-cn';

export { dayjs };
