// Material 9.8.2's partials/javascripts/base.html, moved out of the page so that the
// Content-Security-Policy needs no inline script. Material sets __md_scope to the site
// root (base_url, resolved against the page); this file is <root>/assets/javascripts/,
// so the root follows from its own URL (Material's extra.scope setting is not read: this
// site does not set it). The rest is Material's text as it is.
__md_scope=new URL("../../",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
