// Injected into the page before any script: a fake Office object for an Outlook compose item.
// DATA is replaced by the test with { to, cc, bcc, attachments: [{id,name,size,base64}], language }.
(function () {
  var data = __DATA__;
  var state = { to: data.to, cc: data.cc, bcc: data.bcc, session: {}, roaming: {}, completed: [], associated: {} };
  function ok(cb, value) { setTimeout(function () { cb({ status: "succeeded", value: value }); }, 1); }
  function field(name) {
    return {
      getAsync: function (cb) { ok(cb, state[name].map(function (r) { return { displayName: r.displayName, emailAddress: r.emailAddress, recipientType: "other" }; })); },
      setAsync: function (list, cb) { if (list.length > 100) throw new Error("limit"); state[name] = list.slice(); ok(cb); },
      addAsync: function (list, cb) { if (list.length > 100) throw new Error("limit"); state[name] = state[name].concat(list); ok(cb); }
    };
  }
  window.__pa = state;
  window.Office = {
    onReady: function (cb) { var info = { host: "Outlook", platform: "PC" }; if (cb) setTimeout(function () { cb(info); }, 0); return Promise.resolve(info); },
    actions: { associate: function (name, fn) { state.associated[name] = fn; } },
    context: {
      displayLanguage: data.language,
      requirements: { isSetSupported: function (n, v) { return n === "Mailbox" && ["1.1", "1.8", "1.11", "1.12", "1.13", "1.14", "1.15"].indexOf(v) >= 0; } },
      roamingSettings: { get: function (k) { return state.roaming[k]; }, set: function (k, v) { state.roaming[k] = v; }, saveAsync: function (cb) { if (cb) ok(cb); } },
      mailbox: {
        userProfile: { displayName: "Docent", emailAddress: "docent@school.example" },
        item: {
          to: field("to"), cc: field("cc"), bcc: field("bcc"),
          body: { getAsync: function (t, cb) { ok(cb, data.body || ""); } },
          getAttachmentsAsync: function (cb) { ok(cb, data.attachments.map(function (a) { return { id: a.id, name: a.name, size: a.size, attachmentType: "file", isInline: false }; })); },
          getAttachmentContentAsync: function (id, cb) { var a = data.attachments.filter(function (x) { return x.id === id; })[0]; ok(cb, { format: "base64", content: a.base64 }); },
          sessionData: {
            getAsync: function (k, cb) { if (k in state.session) ok(cb, state.session[k]); else setTimeout(function () { cb({ status: "failed", error: { message: "missing" } }); }, 1); },
            setAsync: function (k, v, cb) { state.session[k] = v; ok(cb); }
          },
          notificationMessages: { replaceAsync: function (k, m, cb) { ok(cb); } }
        }
      }
    }
  };
})();
