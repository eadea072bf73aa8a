#include "steady_label.h"

#include <QFontMetrics>

#include <algorithm>
#include <limits>

namespace lstm {

SteadyLabel::SteadyLabel(QWidget *parent) : QLabel(parent) {
  setWordWrap(true);
  setTextFormat(Qt::PlainText);
  setAlignment(Qt::AlignLeft | Qt::AlignTop); // the text sits where it starts; the room it may need lies below

}

void SteadyLabel::setReservedTexts(const QStringList &texts) {
  m_reserved = texts;
  updateGeometry();
}

int SteadyLabel::reservedHeight(int width) const {
  if (m_reserved.isEmpty() || width <= 0)
    return 0;
  const QMargins margins = contentsMargins();
  const int textWidth = std::max(1, width - margins.left() - margins.right() - 2 * margin());
  const QFontMetrics metrics(font());
  int height = 0;
  for (const QString &text : m_reserved)
    height = std::max(height, metrics.boundingRect(QRect(0, 0, textWidth, std::numeric_limits<int>::max() / 2),
                                                   int(alignment()) | Qt::TextWordWrap, text)
                                  .height());
  return height + margins.top() + margins.bottom() + 2 * margin();
}

int SteadyLabel::heightForWidth(int width) const { return std::max(QLabel::heightForWidth(width), reservedHeight(width)); }

QSize SteadyLabel::sizeHint() const {
  const QSize hint = QLabel::sizeHint();
  return {hint.width(), std::max(hint.height(), reservedHeight(hint.width()))};
}

QSize SteadyLabel::minimumSizeHint() const {
  const QSize hint = QLabel::minimumSizeHint();
  return {hint.width(), std::max(hint.height(), reservedHeight(hint.width()))};
}

} // namespace lstm
