import type { calendar_v3 } from '@googleapis/calendar';

/**
 * Where each conferencing provider's video calls are: a link is the event's only when its host is its
 * provider's. Google Meet (`hangoutsMeet`, or the `hangoutLink` Google sets) is `meet.google.com`; an
 * add-on's video entry point counts only for the providers known here. Anything else gives no Join.
 */
const PROVIDER_HOSTS: readonly { readonly host: string; readonly subdomains: boolean }[] = [
  { host: 'meet.google.com', subdomains: false },
  { host: 'zoom.us', subdomains: true },
  { host: 'teams.microsoft.com', subdomains: false },
  { host: 'teams.live.com', subdomains: false },
  { host: 'webex.com', subdomains: true },
];
const MEET = 'meet.google.com';
/** Longer is not a call link (Meet's are about 36 characters, Teams' a few hundred). */
const MAX_LENGTH = 1000;

/**
 * The event's own video link for the agenda's Join: `conferenceData`'s video entry point, else
 * `hangoutLink`; only `https`, without credentials, on its provider's host. Never the location or the
 * description: anyone invited may write those.
 */
export function joinUrlOf(event: calendar_v3.Schema$Event): string | undefined {
  const conference = event.conferenceData;
  const solution = conference?.conferenceSolution?.key?.type ?? undefined;
  const video = conference?.entryPoints?.find((entry) => entry.entryPointType === 'video')?.uri ?? undefined;
  if (video !== undefined) {
    const meet =
      solution === 'hangoutsMeet' || solution === 'eventHangout' || solution === 'eventNamedHangout';
    const url = callUrl(
      video,
      meet ? [MEET] : PROVIDER_HOSTS.filter((p) => p.host !== MEET).map((p) => p.host),
    );
    if (url !== undefined) return url;
  }
  return event.hangoutLink ? callUrl(event.hangoutLink, [MEET]) : undefined;
}

/** `link` as a URL when it is an https call link on one of `hosts` (or their subdomains where allowed). */
function callUrl(link: string, hosts: readonly string[]): string | undefined {
  if (link.length > MAX_LENGTH || !URL.canParse(link)) return undefined;
  const url = new URL(link);
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '')
    return undefined;
  const host = url.hostname.toLowerCase();
  const known = PROVIDER_HOSTS.some(
    (p) => hosts.includes(p.host) && (host === p.host || (p.subdomains && host.endsWith(`.${p.host}`))),
  );
  return known ? url.href : undefined;
}
