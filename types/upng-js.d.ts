// upng-js ships no types; the two calls the guide pictures use.
declare module 'upng-js' {
  interface Image {
    width: number;
    height: number;
  }
  const UPNG: {
    decode(buffer: ArrayBuffer): Image;
    toRGBA8(image: Image): ArrayBuffer[];
    /** cnum 0 = lossless; 256 = at most 256 colours (much smaller). */
    encode(frames: ArrayBuffer[], width: number, height: number, cnum: number): ArrayBuffer;
  };
  export default UPNG;
}
