import { Button as TaroButton, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { AGREE_BUTTON_ID, agreePrivacy, askPrivacyUpFront, privacyState, refusePrivacy, subscribePrivacy } from './privacy-gate';
import './PrivacyPopup.css';

/** What this app collects and why, shown before WeChat lets it collect anything. */
export const PRIVACY_ITEMS: ReadonlyArray<{ what: string; why: string }> = [
  { what: '姓名、工号/学号', why: '绑定身份，由所在基层党委确认' },
  { what: '所在党委、党支部、政治面貌', why: '确定您能申报和办理的事项' },
  { what: '联系电话', why: '申报书中项目联系人的联系方式' },
  { what: '照片和文件（相册、相机、聊天文件）', why: '上传支撑材料、活动照片和报销凭证' },
];

/**
 * The privacy popup (小程序隐私保护指引): shown when WeChat asks for the person's consent, with an
 * agree button of open-type "agreePrivacyAuthorization" and a refuse button. Render it on every
 * page that collects personal data; `askUpFront` asks as the page opens. Renders nothing on H5.
 */
export function PrivacyPopup({ askUpFront = false }: { askUpFront?: boolean }) {
  const [state, setState] = useState(privacyState());
  useEffect(() => {
    const unsubscribe = subscribePrivacy(setState);
    if (askUpFront) askPrivacyUpFront();
    return () => {
      unsubscribe();
    };
  }, [askUpFront]);
  if (!state.open) return null;
  return (
    <View className="privacy-mask">
      <View className="privacy-popup" role="dialog" aria-label="隐私保护指引">
        <View className="privacy-title">用户隐私保护提示</View>
        <View className="privacy-text">为办理党建品牌与精品项目，本小程序会收集以下个人信息，仅用于所列用途：</View>
        {PRIVACY_ITEMS.map((item) => (
          <View key={item.what} className="privacy-item">
            <Text className="privacy-what">{item.what}</Text>
            <Text className="privacy-why">{item.why}</Text>
          </View>
        ))}
        <View className="privacy-text">您可以拒绝，但将无法绑定身份或上传材料。</View>
        <View className="privacy-actions">
          <TaroButton className="privacy-refuse" onClick={refusePrivacy}>
            拒绝
          </TaroButton>
          <TaroButton id={AGREE_BUTTON_ID} className="privacy-agree" openType="agreePrivacyAuthorization" onAgreePrivacyAuthorization={agreePrivacy}>
            同意并继续
          </TaroButton>
        </View>
      </View>
    </View>
  );
}
