/**
 * The hosts a bot may send to: the Bot Connector of Teams in the public and government clouds.
 * An activity names its `serviceUrl`; a forged one must never make the bot call anywhere else.
 */
const BOT_FRAMEWORK_HOSTS = [
  /^smba\.trafficmanager\.net$/,
  /^([a-z0-9-]+\.)*botframework\.com$/,
  /^smba\.infra\.(gcc|gov|dod)\.teams\.microsoft\.(com|us)$/,
  /^([a-z0-9-]+\.)*botframework\.azure\.us$/,
];

export function isAllowedServiceUrl(serviceUrl: string, allowLoopback: boolean): boolean {
  return isAllowedHost(serviceUrl, BOT_FRAMEWORK_HOSTS, allowLoopback);
}

/**
 * Whether `address` is https on the default port to a host matching `hosts`, without credentials in
 * it; plain http to 127.0.0.1 or localhost too when `allowLoopback` (the sandbox's fakes).
 */
export function isAllowedHost(address: string, hosts: readonly RegExp[], allowLoopback: boolean): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  if (
    allowLoopback &&
    url.protocol === 'http:' &&
    (url.hostname === '127.0.0.1' || url.hostname === 'localhost')
  )
    return true;
  return (
    url.protocol === 'https:' &&
    (url.port === '' || url.port === '443') &&
    hosts.some((host) => host.test(url.hostname))
  );
}
