import type { ThemeConfig } from 'antd';

/** ParkOS brand theme for antd. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1554d1',
    borderRadius: 8,
    colorBgLayout: '#f3f5f9',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#0b1d3a', headerPadding: '0 16px', headerHeight: 56 },
    Menu: { darkItemBg: '#0b1d3a', darkSubMenuItemBg: '#0b1d3a', darkItemSelectedBg: '#1554d1' },
  },
};
