package app.sesame.web.boundary;

import app.sesame.web.control.ErrorPages;
import app.sesame.web.control.LogLines;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns any exception of a page into a redirect to a plain, translated page: an expired or forged
 * form goes to "session expired", anything else to "something went wrong" and the server log. The
 * browser never sees a stack trace, and the error page is rendered by a fresh GET of its own.
 */
public class FriendlyErrors extends ExceptionHandlerFactory {
  private static final Logger LOG = Logger.getLogger(FriendlyErrors.class.getName());

  public FriendlyErrors(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  private static final class Handler extends ExceptionHandlerWrapper {
    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() {
      Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
      if (events.hasNext()) {
        Throwable error = events.next().getContext().getException();
        events.remove();
        while (events.hasNext()) {
          events.next();
          events.remove();
        }
        redirect((isExpired(error) ? ErrorPages.EXPIRED : ErrorPages.ERROR).path(), error);
      }
      getWrapped().handle();
    }

    private static boolean isExpired(Throwable error) {
      for (Throwable t = error; t != null; t = t.getCause()) {
        if (t instanceof ViewExpiredException
            || t.getClass().getName().equals("org.primefaces.csp.CspException")) {
          return true;
        }
      }
      return false;
    }

    private static String deepest(Throwable error) {
      Throwable t = error;
      while (t.getCause() != null && t.getCause() != t) {
        t = t.getCause();
      }
      return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static void redirect(String page, Throwable error) {
      if (!isExpired(error)) {
        LOG.log(Level.SEVERE, "Unexpected error on a page", error);
      } else {
        LOG.log(Level.INFO, "A page could not be restored: {0}", deepest(error));
      }
      FacesContext faces = FacesContext.getCurrentInstance();
      ExternalContext external = faces.getExternalContext();
      try {
        if (!external.isResponseCommitted()) {
          // The page names the request that failed, which its log line names too.
          external.redirect(
              external.getRequestContextPath()
                  + page
                  + LogLines.current().map(id -> "?" + RequestIds.REFERENCE + "=" + id).orElse(""));
        }
        faces.responseComplete();
      } catch (IOException e) {
        throw new FacesException(e);
      }
    }
  }
}
