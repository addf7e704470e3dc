export { createCommandService, startCommandRetryJob, createCommandRetryJob, type CommandService, type CommandPublisher, type CommandView, type IssueCommandInput, type IssuedBy } from './commands.service';
export { commandRoutes } from './commands.routes';
