package io.upwatch.localworker.notify;

import io.upwatch.common.notify.ChannelKind;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Email channels: a plain-text message through the operator's SMTP server, STARTTLS as configured
 * (required by default), with connect, read and write timeouts of the send timeout.
 */
class EmailSender implements Sender {

  private final NotifyProperties.Smtp smtp;
  private final JavaMailSenderImpl mail;

  EmailSender(NotifyProperties.Smtp smtp, long timeoutMillis) {
    this.smtp = smtp;
    this.mail = smtp.configured() ? mailSender(smtp, timeoutMillis) : null;
  }

  @Override
  public ChannelKind kind() {
    return ChannelKind.EMAIL;
  }

  @Override
  public Integer send(Delivery delivery) throws DeliveryFailed {
    if (mail == null) {
      // Not permanent: the operator may configure a server within the retry period.
      throw new DeliveryFailed(
          "no SMTP server is configured (UPWATCH_NOTIFY_SMTP_HOST)", null, false);
    }
    Notice notice = Notice.of(delivery);
    try {
      MimeMessage message = mail.createMimeMessage();
      message.setFrom(new InternetAddress(smtp.from(), true));
      message.setRecipient(
          MimeMessage.RecipientType.TO, new InternetAddress(delivery.target(), true));
      message.setSubject("[Upwatch] " + oneLine(notice.headline()), StandardCharsets.UTF_8.name());
      message.setText(
          notice.headline() + "\n\n" + notice.body() + "\n\nEvent id: " + delivery.eventId() + "\n",
          StandardCharsets.UTF_8.name());
      message.setHeader("X-Upwatch-Event-Id", delivery.eventId());
      mail.send(message);
      return null;
    } catch (MessagingException e) {
      throw new DeliveryFailed("invalid message or address: " + e.getMessage(), null, true);
    } catch (MailAuthenticationException e) {
      throw new DeliveryFailed("the SMTP server refused the login", null, false);
    } catch (MailSendException e) {
      throw new DeliveryFailed("the SMTP server did not take the message", null, false);
    } catch (MailException e) {
      throw new DeliveryFailed("could not reach the SMTP server", null, false);
    }
  }

  // A header must not carry line breaks; a URL's name cannot have them, but be sure.
  private static String oneLine(String text) {
    return text.replaceAll("[\\r\\n\\t]+", " ");
  }

  private static JavaMailSenderImpl mailSender(NotifyProperties.Smtp smtp, long timeoutMillis) {
    var sender = new JavaMailSenderImpl();
    sender.setHost(smtp.host());
    sender.setPort(smtp.port());
    sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
    Properties props = sender.getJavaMailProperties();
    if (smtp.username() != null && !smtp.username().isBlank()) {
      sender.setUsername(smtp.username());
      sender.setPassword(smtp.password());
      props.put("mail.smtp.auth", "true");
    }
    props.put(
        "mail.smtp.starttls.enable",
        String.valueOf(smtp.startTls() != NotifyProperties.StartTls.DISABLED));
    props.put(
        "mail.smtp.starttls.required",
        String.valueOf(smtp.startTls() == NotifyProperties.StartTls.REQUIRED));
    props.put("mail.smtp.ssl.checkserveridentity", "true");
    if (smtp.sslTrust() != null && !smtp.sslTrust().isBlank()) {
      props.put("mail.smtp.ssl.trust", smtp.sslTrust());
    }
    props.put("mail.smtp.connectiontimeout", Long.toString(timeoutMillis));
    props.put("mail.smtp.timeout", Long.toString(timeoutMillis));
    props.put("mail.smtp.writetimeout", Long.toString(timeoutMillis));
    return sender;
  }
}
