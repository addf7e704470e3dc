import type { FastifyPluginAsync } from 'fastify';
import type { SandboxProvider } from './providers/sandbox.provider';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const yuan = (fen: number) => `¥${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:0;background:#f0f2f5;color:#222}main{max-width:420px;margin:0 auto;padding:24px 16px}
.card{background:#fff;border-radius:12px;padding:24px;box-shadow:0 1px 4px rgba(0,0,0,.08)}.badge{display:inline-block;background:#faad14;color:#fff;border-radius:4px;padding:2px 8px;font-size:12px}
.amount{font-size:36px;font-weight:600;margin:16px 0}.muted{color:#888;font-size:13px;word-break:break-all}button{width:100%;padding:14px;font-size:17px;border:0;border-radius:8px;margin-top:12px;cursor:pointer}
.pay{background:#07c160;color:#fff}.fail{background:#fff;color:#cf1322;border:1px solid #cf1322}</style></head><body><main>${body}</main></body></html>`;
}

/**
 * The sandbox provider's hosted payment page (收银台), served by ParkOS outside `/api`
 * like a provider's own domain: the payer sees the order and presses pay or fail.
 */
export const sandboxPayRoutes: FastifyPluginAsync<{ sandbox: SandboxProvider }> = async (app, { sandbox }) => {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.get<{ Params: { outTradeNo: string } }>('/sandbox-pay/:outTradeNo', { config: { isPublic: true }, schema: { hide: true } }, async (r, reply) => {
    const o = await sandbox.getOrder(r.params.outTradeNo);
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    if (!o) return reply.code(404).send(page('Order not found', '<div class="card"><h2>订单不存在 Order not found</h2></div>'));
    const open = o.status === 'pending' && o.expiresAt.getTime() > Date.now();
    const action = `/sandbox-pay/${encodeURIComponent(o.outTradeNo)}`;
    const buttons = open
      ? `<form method="post" action="${action}/pay"><button class="pay" data-testid="sandbox-pay">确认支付 Pay ${yuan(o.amountFen)}</button></form>
         <form method="post" action="${action}/fail"><button class="fail" data-testid="sandbox-fail">模拟失败 Simulate failure</button></form>`
      : `<p data-testid="sandbox-status">订单状态 Status: <b>${esc(o.status === 'pending' ? 'closed' : o.status)}</b></p>${o.returnUrl ? `<p><a href="${esc(o.returnUrl)}">返回商户 Back to ParkOS</a></p>` : ''}`;
    return page(
      'ParkOS Sandbox Pay',
      `<div class="card"><span class="badge">SANDBOX 沙箱支付</span><h2>ParkOS 统一支付</h2>
       <div class="muted">${esc(o.description)}</div><div class="amount" data-testid="sandbox-amount">${yuan(o.amountFen)}</div>
       <div class="muted">out_trade_no: ${esc(o.outTradeNo)}</div>${buttons}
       <p class="muted">This is a test provider: no real money moves. The result reaches ParkOS by a signed, asynchronous notification.</p></div>`,
    );
  });
  for (const outcome of ['pay', 'fail'] as const) {
    app.post<{ Params: { outTradeNo: string } }>(`/sandbox-pay/:outTradeNo/${outcome}`, { config: { isPublic: true }, schema: { hide: true } }, async (r, reply) => {
      const done = await sandbox.complete(r.params.outTradeNo, outcome === 'pay' ? 'succeeded' : 'failed');
      if (!done) return reply.code(404).type('text/html; charset=utf-8').send(page('Order not found', '<div class="card"><h2>订单不存在 Order not found</h2></div>'));
      if (!done.applied) {
        // Like a real cashier: a closed, expired or already settled order takes no payment.
        const back = done.returnUrl ? `<p><a href="${esc(done.returnUrl)}">返回商户 Back to ParkOS</a></p>` : '';
        return reply
          .code(409)
          .type('text/html; charset=utf-8')
          .send(page('Order not payable', `<div class="card"><h2>订单无法支付 Order cannot be paid</h2><p data-testid="sandbox-status">订单状态 Status: <b>${esc(done.status)}</b></p>${back}</div>`));
      }
      return reply.redirect(done.returnUrl ?? `/sandbox-pay/${encodeURIComponent(r.params.outTradeNo)}`, 303);
    });
  }
};
