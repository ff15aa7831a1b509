import type { HttpRouteHandler, IHttpServerAdapter } from '@microsoft/teams.apps/dist/http/index.js';

/**
 * Hosts the Teams SDK inside an Azure Functions HTTP trigger: it starts no server, it only keeps
 * the handler the SDK registers for `/api/messages`, which the trigger then calls with each request.
 */
export class FunctionAdapter implements IHttpServerAdapter {
  private handler: HttpRouteHandler | undefined;

  registerRoute(_method: 'POST', _path: string, handler: HttpRouteHandler): void {
    this.handler = handler;
  }

  handle(request: Parameters<HttpRouteHandler>[0]): ReturnType<HttpRouteHandler> {
    if (this.handler === undefined) throw new Error('the Teams app is not initialized');
    return this.handler(request);
  }
}
