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
    return !!(window.PublicKeyCredential &&
      PublicKeyCredential.parseCreationOptionsFromJSON &&
      PublicKeyCredential.parseRequestOptionsFromJSON &&
      navigator.credentials);
  }

  /** Only the members the server reads, from the credential's standard JSON form. */
  function answer(credential, creating) {
    var json = credential.toJSON();
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

  function run(form, creating) {
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
        ? navigator.credentials.create({publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(publicKey)})
        : navigator.credentials.get({publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(publicKey)});
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
    get: function (form) { run(form, false); }
  };
})();
