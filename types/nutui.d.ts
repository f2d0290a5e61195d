// Per-component entry points of NutUI-React-Taro re-use the library's own typings.
declare module '@nutui/nutui-react-taro/dist/es/packages/button/index' {
  export { Button as default } from '@nutui/nutui-react-taro';
}
declare module '@nutui/nutui-react-taro/dist/es/packages/tag/index' {
  export { Tag as default } from '@nutui/nutui-react-taro';
}
declare module '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
declare module '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';
