import type { ThemeConfig } from 'antd';

/** Brand tokens shared by the light app and the dark big screen (IOC). */
export const brandToken = {
  colorPrimary: '#1554d1',
  borderRadius: 8,
  fontFamily:
    "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
} satisfies ThemeConfig['token'];

/** ParkOS brand theme for antd. */
export const theme: ThemeConfig = {
  token: {
    ...brandToken,
    colorBgLayout: '#f3f5f9',
    // Text colours dark enough for WCAG AA contrast (4.5:1) on white and on the #f3f5f9 page background;
    // antd's defaults (45 % / 25 % black, #1677ff links, #52c41a success text) fall below it.
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    colorLink: '#1554d1',
    colorSuccessText: '#237804',
    colorWarningText: '#ad4e00',
    colorErrorText: '#cf1322',
    colorInfoText: '#0958d9',
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#0b1d3a', headerPadding: '0 16px', headerHeight: 56 },
    Menu: { darkItemBg: '#0b1d3a', darkSubMenuItemBg: '#0b1d3a', darkItemSelectedBg: '#1554d1' },
    // Tags draw their text in the status colour (or palette shade 7) on its lightest tint: darker shades keep 4.5:1.
    Tag: {
      colorSuccess: '#237804', colorWarning: '#ad4e00', colorError: '#cf1322', colorInfo: '#0958d9',
      green7: '#237804', orange7: '#ad4e00', red7: '#a8071a', volcano7: '#ad2102', gold7: '#874d00', yellow7: '#876800',
      lime7: '#3f6600', cyan7: '#006d75', blue7: '#0050b3', geekblue7: '#10239e', purple7: '#531dab', magenta7: '#9e1068',
    },
    // Danger buttons (often text or link buttons) write in the error colour on white.
    Button: { colorError: '#cf1322' },
    // The empty-table text is drawn in the disabled colour, but it is information, not a disabled control.
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.58)' },
    // The percentage beside a finished progress bar is drawn in the success colour.
    Progress: { colorSuccess: '#237804' },
  },
};
