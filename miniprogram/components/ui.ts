// NutUI components imported one by one, each with only its own styles, to keep packages small.
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';

export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button/index';
export { default as Tag } from '@nutui/nutui-react-taro/dist/es/packages/tag/index';
