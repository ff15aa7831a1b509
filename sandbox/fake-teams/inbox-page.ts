/** The inbox page: people on the left, the chosen person's chat on the right; `inbox.js` fills it in. */
export const INBOX_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fake Teams inbox</title>
<style>
  body { margin: 0; font: 14px 'Segoe UI', Tahoma, Geneva, Verdana, sans-serif; background: #f5f5f5; color: #242424; }
  header { background: #464775; color: #fff; padding: 10px 16px; font-weight: 600; }
  main { display: flex; height: calc(100vh - 40px); }
  nav { width: 240px; background: #ebebeb; overflow-y: auto; }
  nav button.person { display: block; width: 100%; text-align: left; padding: 10px 14px; border: 0; background: none; cursor: pointer; font: inherit; }
  nav button.person[aria-current="true"] { background: #fff; font-weight: 600; }
  nav .meta { display: block; color: #616161; font-size: 12px; font-weight: 400; }
  section { flex: 1; display: flex; flex-direction: column; min-width: 0; }
  #title { padding: 10px 16px; background: #fff; border-bottom: 1px solid #e0e0e0; font-weight: 600; }
  #lines { flex: 1; overflow-y: auto; list-style: none; margin: 0; padding: 16px; }
  #lines li { margin: 8px 0; max-width: 560px; }
  #lines li.user { margin-left: auto; background: #e8ebfa; padding: 8px 12px; border-radius: 4px; width: fit-content; }
  #lines li.bot .bubble { background: #fff; padding: 8px 12px; border-radius: 4px; box-shadow: 0 1px 2px rgba(0,0,0,.1); }
  #lines li .when { color: #616161; font-size: 11px; margin-bottom: 2px; }
  #lines li .card { margin-top: 6px; background: #fff; border-radius: 4px; box-shadow: 0 1px 2px rgba(0,0,0,.1); overflow: hidden; }
  form { display: flex; gap: 8px; padding: 12px 16px; background: #fff; border-top: 1px solid #e0e0e0; }
  form input { flex: 1; padding: 8px; font: inherit; }
  #notice { padding: 6px 16px; min-height: 18px; color: #237b4b; }
  #notice.error { color: #c4314b; }
  .error { color: #c4314b; }
</style>
<script src="/inbox/adaptivecards.min.js"></script>
<script src="/inbox/inbox.js" defer></script>
</head>
<body>
<header>Fake Teams &middot; personal chats with the bot <span id="clockbar" hidden>&middot; <span id="clock"></span> <button type="button" data-minutes="60">+1 hour</button> <button type="button" data-minutes="1440">+1 day</button> <button type="button" data-minutes="10080">+1 week</button></span></header>
<main>
  <nav id="people" aria-label="People"></nav>
  <section>
    <div id="title">Choose a person</div>
    <ol id="lines" aria-live="polite"></ol>
    <div id="notice" role="status"></div>
    <form id="compose" autocomplete="off">
      <input id="text" placeholder="Type a message as this person" aria-label="Message" disabled>
      <button type="submit" disabled>Send</button>
    </form>
  </section>
</main>
</body>
</html>
`;
