import type { pcContracts } from '@shared/contracts/pc';
import type { AreaTable } from '../../router/procedure';
import { answerPcLogin, describePcLogin, pollPcLogin, startPcLogin } from './login';
import { mySessions, personSessions, signOutAllSessions, signOutSession } from './sessions';

/** 扫码登录: the PC's ticket and poll are public (limited per IP); the phone confirms as itself. */
export const pcProcedures: AreaTable<typeof pcContracts> = {
  'pcLogin.start': { access: 'public', limit: 'signIn', handler: startPcLogin },
  'pcLogin.poll': { access: 'public', limit: 'signIn', handler: pollPcLogin },
  'pcLogin.describe': { access: 'bound', handler: describePcLogin },
  'pcLogin.answer': { access: 'bound', handler: answerPcLogin },
  'pcSession.mine': { access: 'bound', handler: mySessions },
  'pcSession.signOut': { access: 'bound', handler: signOutSession },
  'pcSession.ofPerson': { access: ['admin'], handler: personSessions },
  'pcSession.signOutAll': { access: ['admin'], handler: signOutAllSessions },
};
