/*
 * Sesame: the browser's part of WebAuthn ceremonies. A page keeps the server's options in a hidden
 * field "<form>:key-options"; this script calls the browser, then hands the answer (or the error's
 * name) back through hidden fields and buttons of the same form. No inline script is needed.
 */
window.SesameWebAuthn = (function () {
  'use strict';

  function field(id) {
    return document.getElementById(id);
  }

  function fail(form, name) {
    field(form + 'key-error').value = name || 'UnknownError';
    field(form + 'key-failed').click();
  }

  function supported() {
    return !!(window.PublicKeyCredential && navigator.credentials);
  }

  /*
   * The options and answers travel as the standard JSON of WebAuthn Level 3, binary members in
   * base64url. Browsers that have the JSON helpers (Chrome 129, Firefox 119, Safari 18.4 and
   * later) convert them; for the others the few binary members are converted here.
   */
  function bytes(base64url) {
    var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    var binary = atob(base64 + '==='.slice((base64.length + 3) % 4));
    var out = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      out[i] = binary.charCodeAt(i);
    }
    return out.buffer;
  }

  function base64url(buffer) {
    if (!buffer) {
      return null;
    }
    var binary = '';
    var view = new Uint8Array(buffer);
    for (var i = 0; i < view.length; i++) {
      binary += String.fromCharCode(view[i]);
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function withIds(list) {
    return (list || []).map(function (c) {
      return Object.assign({}, c, {id: bytes(c.id)});
    });
  }

  function creationOptions(json) {
    if (PublicKeyCredential.parseCreationOptionsFromJSON) {
      return PublicKeyCredential.parseCreationOptionsFromJSON(json);
    }
    return Object.assign({}, json, {
      challenge: bytes(json.challenge),
      user: Object.assign({}, json.user, {id: bytes(json.user.id)}),
      excludeCredentials: withIds(json.excludeCredentials)
    });
  }

  function requestOptions(json) {
    if (PublicKeyCredential.parseRequestOptionsFromJSON) {
      return PublicKeyCredential.parseRequestOptionsFromJSON(json);
    }
    return Object.assign({}, json, {
      challenge: bytes(json.challenge),
      allowCredentials: withIds(json.allowCredentials)
    });
  }

  function credentialJson(credential, creating) {
    if (typeof credential.toJSON === 'function') {
      return credential.toJSON();
    }
    var r = credential.response;
    return {
      type: credential.type,
      id: credential.id,
      rawId: base64url(credential.rawId),
      response: creating
        ? {
            clientDataJSON: base64url(r.clientDataJSON),
            attestationObject: base64url(r.attestationObject),
            transports: typeof r.getTransports === 'function' ? r.getTransports() : []
          }
        : {
            clientDataJSON: base64url(r.clientDataJSON),
            authenticatorData: base64url(r.authenticatorData),
            signature: base64url(r.signature),
            userHandle: base64url(r.userHandle)
          },
      clientExtensionResults: credential.getClientExtensionResults()
    };
  }

  /** Only the members the server reads, from the credential's standard JSON form. */
  function answer(credential, creating) {
    var json = credentialJson(credential, creating);
    var response = creating
      ? {
          clientDataJSON: json.response.clientDataJSON,
          attestationObject: json.response.attestationObject,
          transports: json.response.transports || []
        }
      : {
          clientDataJSON: json.response.clientDataJSON,
          authenticatorData: json.response.authenticatorData,
          signature: json.response.signature,
          userHandle: json.response.userHandle
        };
    return JSON.stringify({
      type: json.type,
      id: json.id,
      rawId: json.rawId,
      response: response,
      clientExtensionResults: json.clientExtensionResults || {}
    });
  }

  /** The autofill request waiting for the person to pick a passkey, if any. */
  var waiting = null;

  function stopWaiting() {
    if (waiting) {
      waiting.abort();
      waiting = null;
    }
  }

  /*
   * Passkey autofill (conditional mediation): where the browser offers it, the sign-in page asks
   * the server for a challenge as soon as it is shown, and the browser lists the person's passkeys
   * under the e-mail field ("username webauthn"). Picking one signs in; typing a password instead
   * leaves the request aside. A failure here shows nothing: the form is still there.
   */
  function autofill(form) {
    var options = field(form + 'key-options') && field(form + 'key-options').value;
    if (!options) {
      return;
    }
    stopWaiting();
    var controller = new AbortController();
    waiting = controller;
    var request;
    try {
      request = navigator.credentials.get({
        publicKey: requestOptions(JSON.parse(options).publicKey),
        mediation: 'conditional',
        signal: controller.signal
      });
    } catch (error) {
      return;
    }
    document.documentElement.setAttribute('data-passkey-autofill', 'waiting');
    request.then(function (credential) {
      waiting = null;
      field(form + 'key-response').value = answer(credential, false);
      field(form + 'key-finish').click();
    }).catch(function () {
      document.documentElement.setAttribute('data-passkey-autofill', 'stopped');
    });
  }

  function offerAutofill() {
    var start = field('passkey:autofill');
    if (!start || !supported() || !PublicKeyCredential.isConditionalMediationAvailable) {
      return;
    }
    PublicKeyCredential.isConditionalMediationAvailable().then(function (available) {
      if (available) {
        start.click();
      }
    });
  }

  /*
   * The home page's suggestion to add a passkey is for a device that can hold one (a built-in
   * authenticator with fingerprint, face or screen lock); elsewhere it stays hidden.
   */
  function checkPasskeyOffer() {
    var offer = document.querySelector('[data-nudge="PASSKEY"]');
    if (!offer) {
      return;
    }
    if (!supported() || !PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable) {
      offer.hidden = true;
      return;
    }
    PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable().then(function (capable) {
      offer.hidden = !capable;
    });
  }

  function pageShown() {
    offerAutofill();
    checkPasskeyOffer();
    if (window.jQuery) {
      jQuery(document).on('pfAjaxComplete', checkPasskeyOffer);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', pageShown);
  } else {
    pageShown();
  }

  function run(form, creating) {
    stopWaiting();
    var options = field(form + 'key-options') && field(form + 'key-options').value;
    if (!options) {
      return; // the server did not start the ceremony; its message is on the page
    }
    if (!supported()) {
      fail(form, 'NotSupportedError');
      return;
    }
    var call;
    try {
      var publicKey = JSON.parse(options).publicKey;
      call = creating
        ? navigator.credentials.create({publicKey: creationOptions(publicKey)})
        : navigator.credentials.get({publicKey: requestOptions(publicKey)});
    } catch (error) {
      fail(form, error && error.name);
      return;
    }
    call.then(function (credential) {
      field(form + 'key-response').value = answer(credential, creating);
      field(form + 'key-finish').click();
    }).catch(function (error) {
      fail(form, error && error.name);
    });
  }

  return {
    create: function (form) { run(form, true); },
    get: function (form) { run(form, false); },
    autofill: autofill,
    offerAutofill: offerAutofill
  };
})();
