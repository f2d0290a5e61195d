import { describe, expect, it } from 'vitest';
import { BIND_PAGE, MESSAGES_PAGE, PC_CONFIRM_PAGE, TODO_PAGE, currentLink, movedPage } from './pages';

describe('pages that moved to the account subpackage', () => {
  it('maps an old link to the new address and keeps its query', () => {
    expect(currentLink('/pages/bind/index?back=%2Fpackages%2Fproject%2Fjoin%2Findex')).toBe(`${BIND_PAGE}?back=%2Fpackages%2Fproject%2Fjoin%2Findex`);
    expect(currentLink('/pages/messages/index')).toBe(MESSAGES_PAGE);
    expect(currentLink('/pages/pc-confirm/index?scene=abc')).toBe(`/${PC_CONFIRM_PAGE}?scene=abc`);
  });

  it('leaves every other link alone', () => {
    expect(currentLink('/packages/project/edit/index?id=p1')).toBe('/packages/project/edit/index?id=p1');
    expect(currentLink('/pages/index/index')).toBe('/pages/index/index');
    expect(currentLink(BIND_PAGE)).toBe(BIND_PAGE);
  });

  it('knows an old path without its leading slash (as WeChat reports a page not found)', () => {
    expect(movedPage('pages/bind/index')).toBe(BIND_PAGE);
    expect(movedPage('pages/todo/index')).toBe(TODO_PAGE);
    expect(movedPage('pages/mine/index')).toBeNull();
  });
});
