// Material 9.8.2's partials/javascripts/content.html (without the content.tabs.link part,
// a feature this site does not use), moved out of the page for the Content-Security-Policy:
// a link to a tab of a tabbed block opens that tab.
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
