export { createIocService, type IocService } from './ioc.service';
export { iocRoutes } from './ioc.routes';
