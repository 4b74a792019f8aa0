package io.inertia.cli.provision;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.Image;

/** Picks the image to boot from a {@code DescribeImages} answer: the newest by creation date. */
final class NewestImage {
  private NewestImage() {}

  /** The newest image with an id; creation dates are ISO-8601 strings, which sort as text. */
  static Optional<Image> of(List<Image> images) {
    return images.stream()
        .filter(i -> i.imageId() != null && !i.imageId().isEmpty())
        .max(Comparator.comparing((Image i) -> i.creationDate() == null ? "" : i.creationDate()));
  }
}
