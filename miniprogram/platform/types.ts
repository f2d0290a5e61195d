/** What differs between WeChat and the browser, behind one interface. */

/** wx.requestSubscribeMessage's answer for one template id. */
export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter';
export interface CallEnvelope {
  procedure: string;
  input: unknown;
  requestId: string;
}

export interface UploadedImage {
  /** What the server stores: `cloud://…` on WeChat, `local:…` on the local host. */
  fileId: string;
  /** Where the picture can be shown right away. */
  url: string;
}

/** A 支撑材料 document uploaded by the person, with the name and size they see. */
export interface UploadedDocument {
  fileId: string;
  /** Where it can be opened right away (a temp path on WeChat, an address in a browser). */
  url: string;
  name: string;
  size: number;
}

/** The drawing surface of a Taro `<Canvas type="2d">`, as a selector query's `node` gives it. */
export interface CanvasNode {
  width: number;
  height: number;
  getContext(contextType: '2d'): unknown;
}

export interface Platform {
  name: 'weapp' | 'h5';
  /** Called once when the app launches. */
  init(): void;
  /** Sends one procedure call to the server and resolves with its `{ ok, ... }` answer. */
  callFunction(envelope: CallEnvelope): Promise<unknown>;
  /** Where a person goes to sign in when the server does not know them (local host only). */
  signInUrl: string | null;
  /**
   * A PC signed in by scanning (扫码登录) keeps its session token here and sends it as a bearer
   * header, never in a URL. Browser only: on WeChat the identity is WeChat's own.
   */
  pcSession: { signedIn(): boolean; keep(token: string): void; forget(): void } | null;
  /**
   * Calls `onWidth` with the window's width now and whenever it changes; returns the unsubscribe.
   * On WeChat it reports 0: the phone layout, always (the desk layout is for a browser on a PC).
   */
  watchWidth(onWidth: (width: number) => void): () => void;
  /**
   * Calls `onSave` when the person presses Ctrl+S (⌘S on a Mac) at a desk, instead of the
   * browser's own "save page"; returns the unsubscribe. On WeChat there is no keyboard: a no-op.
   */
  watchSaveKey(onSave: () => void): () => void;
  /**
   * Asks before the page is left while `message` is set (unsaved work); null stops asking. WeChat:
   * its own dialog on back (enableAlertBeforeUnload); a browser: before closing or reloading the tab.
   */
  warnBeforeLeaving(message: string | null): void;
  /** The scene the mini-program was opened with (1047: a scanned code), null where there is none. */
  launchScene(): number | null;
  /** What the browser says about where the page was opened from (document.referrer); null on WeChat. */
  referrer(): string | null;
  /**
   * Lets the person pick up to `count` photos (album or camera), uploads them and resolves with
   * what was uploaded ([] when they cancel). Rejects with an Error whose message is Chinese text.
   */
  chooseAndUploadImages(count: number): Promise<UploadedImage[]>;
  /**
   * Lets the person pick up to `count` documents (on WeChat: files from a chat; in a browser: from
   * the computer or phone), uploads them and resolves with what was uploaded ([] when they cancel).
   * Rejects with an Error whose message is Chinese text.
   */
  chooseAndUploadFiles(count: number): Promise<UploadedDocument[]>;
  /** What the button that calls chooseAndUploadFiles should say. */
  chooseFilesLabel: string;
  /** Opens a stored document (PDF, Word, Excel, PPT, picture) by its address, keeping its name. Rejects with a Chinese message. */
  openDocument(url: string, name: string): Promise<void>;
  /**
   * Hands a file the server generated (.docx/.xlsx) to the person: on WeChat it is downloaded and
   * opened with openDocument (its menu forwards it to a chat or saves it); in a browser it downloads
   * under `fileName`. Rejects with a Chinese message.
   */
  deliverExport(url: string, fileName: string): Promise<void>;
  /** Saves an image (a canvas export: temp file path on WeChat, data URL in a browser) for the person to share elsewhere. */
  saveImage(source: string, fileName: string): Promise<void>;
  /** Loads a picture (network or local address) to draw on that canvas. Rejects with an Error whose message is Chinese text. */
  loadCanvasImage(canvas: CanvasNode, src: string): Promise<CanvasImageSource>;
  /** Exports what is drawn on the canvas as a PNG for `saveImage` and for showing: a temp file path on WeChat, a data URL in a browser. */
  exportCanvas(canvas: CanvasNode): Promise<string>;
  /** Shows photos full screen, starting at `current`. */
  previewImages(urls: string[], current: string): void;
  /** Opens an outside web link (a news report): in a new tab in a browser; copied for the person to paste on WeChat, which cannot open arbitrary links. */
  openLink(url: string): Promise<void>;
  /** The public web address of an app path such as `/brand?id=…` (null where there is no web address). */
  publicUrl(path: string): string | null;
  /** Whether deadline reminders can be subscribed to here (WeChat subscription messages; not in a browser). */
  canSubscribe: boolean;
  /**
   * Asks the person to allow one message of each template (at most 3; on WeChat it must run from a
   * tap, before any await). Resolves with the answer per template id: {} in a browser, when they
   * close the dialog, or when WeChat refuses to ask.
   */
  requestSubscribe(templateIds: string[]): Promise<Record<string, SubscribeAnswer>>;
  /** Shows the number of open to-dos on the home tab (WeChat tab bar badge; nothing in a browser). */
  setTodoBadge(count: number): void;
  /** Shows the number of unread 消息 on the 我的 tab (WeChat tab bar badge; nothing in a browser). */
  setMessageBadge(count: number): void;
  /** Where the local host shows the messages it "sent" (H5 only; null on WeChat). */
  devInboxUrl: string | null;
  /**
   * What the web host put in the first HTML response for the page being opened (the public
   * showcase: `{ id, brand }`), taken once; null on WeChat, on later pages and when there is none.
   */
  takePrerendered(): { id: string; data: unknown } | null;
  /** Removes the pre-rendered content once the app has drawn the page itself (nothing on WeChat). */
  dropPrerendered(): void;
  /**
   * The person's font size as a factor of the standard (适老化): WeChat's fontSizeScaleFactor
   * (wx.getAppBaseInfo), or in a browser its default font size over 16 px. 1 when unknown.
   */
  systemFontScale(): number;
  /** Sets the factor text is drawn at where the whole document can carry it (a browser's <html>); nothing on WeChat. */
  applyFontScale(scale: number): void;
  /** True where each page must carry the factor itself (WeChat: a page has no styleable root). */
  fontScaleOnPageRoot: boolean;
}
