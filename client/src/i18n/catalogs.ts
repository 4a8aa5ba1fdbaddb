import type { Locale } from './locales';
import { de } from './messages/de';
import { en, type MessageId } from './messages/en';
import { es } from './messages/es';
import { ja } from './messages/ja';

/** Every catalog by locale; each is type-checked to have exactly the English keys. */
export const CATALOGS: Record<Locale, Record<MessageId, string>> = { en, es, de, ja };

// Make react-intl's `formatMessage({ id })` and `<FormattedMessage id>` accept only known ids.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace FormatjsIntl {
    interface Message {
      ids: MessageId;
    }
  }
}
