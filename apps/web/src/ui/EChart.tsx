import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, FunnelChart, GaugeChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, FunnelChart, GaugeChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

interface EChartProps {
  option: EChartsCoreOption;
  height?: number;
  testId?: string;
}

/** The CSS zoom a container declares (`data-zoom`, e.g. the IOC wall scaling its layout to a 4K screen), so the canvas draws at the zoomed resolution. */
function zoomOf(el: HTMLElement): number {
  const zoom = Number(el.closest<HTMLElement>('[data-zoom]')?.dataset.zoom);
  return Number.isFinite(zoom) && zoom > 0 ? zoom : 1;
}

/** An ECharts chart that follows its container's width. */
export function EChart({ option, height = 300, testId }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { devicePixelRatio: (window.devicePixelRatio || 1) * zoomOf(ref.current) });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, true);
  }, [option]);

  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
