import * as echarts from 'echarts/core';
import { LineChart, ScatterChart } from 'echarts/charts';
import { DataZoomComponent, VisualMapComponent } from 'echarts/components';

// The shared EChart registers bars, pies and gauges; the IOC also draws lines and scatter maps.
echarts.use([LineChart, ScatterChart, DataZoomComponent, VisualMapComponent]);

/** Text and axis colours for charts on the dark big screen. */
export const DARK = {
  text: '#c9d7ff',
  muted: '#7f8fb8',
  axis: '#2b3a66',
  grid: { left: 44, right: 16, top: 36, bottom: 28 },
};

/** Colours of device states on plans and maps. */
export const STATE_COLORS = { online: '#52c41a', offline: '#8c8c8c', alarm: '#f5222d' } as const;
