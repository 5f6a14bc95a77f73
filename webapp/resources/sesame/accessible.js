/*
 * Sesame: what PrimeFaces' widgets build in the browser, named for assistive technology.
 * A drop-down builds its list of options when it first opens, without a name (WCAG 4.1.2): the
 * list takes the name of the field's label. An icon-only button (a date picker's calendar button)
 * carries the hidden text "ui-button" besides its name, which assistive technology reads as its
 * label (WCAG 2.5.3): the hidden text becomes its name.
 */
(function () {
  'use strict';

  function labelOf(menuId) {
    var candidates = [menuId + '_focus', menuId + '_input', menuId];
    for (var i = 0; i < candidates.length; i++) {
      var field = document.getElementById(candidates[i]);
      if (field && field.labels && field.labels.length) {
        return field.labels[0].textContent.trim();
      }
      var label = document.querySelector('label[for="' + CSS.escape(candidates[i]) + '"]');
      if (label) {
        return label.textContent.trim();
      }
      var named = field && field.getAttribute('aria-label');
      if (named) {
        return named;
      }
    }
    return '';
  }

  function name(root) {
    if (root.querySelectorAll) {
      root.querySelectorAll('button.ui-button-icon-only[aria-label]').forEach(function (button) {
        var text = button.querySelector('.ui-button-text');
        if (text && text.textContent !== button.getAttribute('aria-label')) {
          text.textContent = button.getAttribute('aria-label');
        }
      });
    }
    var lists = root.querySelectorAll
      ? root.querySelectorAll('.ui-selectonemenu-items[role=listbox]:not([aria-label])')
      : [];
    lists.forEach(function (list) {
      var label = labelOf(list.id.replace(/_items$/, ''));
      if (label) {
        list.setAttribute('aria-label', label);
      }
    });
  }

  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      if (change.type === 'attributes') {
        name(change.target.parentNode || change.target);
      }
      change.addedNodes.forEach(function (node) {
        if (node.nodeType === 1) {
          name(node.parentNode || node);
        }
      });
    });
  }).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['aria-label']
  });
})();
