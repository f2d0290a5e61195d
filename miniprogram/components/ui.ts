// NutUI components imported one by one, each with only its own styles, to keep packages small.
export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button/index';
export { default as Tag } from '@nutui/nutui-react-taro/dist/es/packages/tag/index';
