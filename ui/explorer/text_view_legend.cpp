#include "text_view_legend.h"

#include "common/quantity_style.h"
#include "explorer_session.h"

#include <QEvent>
#include <QLinearGradient>
#include <QPainter>

namespace lstm {

TextView::Legend::Legend(ExplorerSession *session, int margin, QWidget *parent)
    : QWidget(parent), m_session(session), m_margin(margin) {
  setObjectName(QStringLiteral("textViewLegend"));
}

void TextView::Legend::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange)
    update(); // the caption is translated as it is painted
  QWidget::changeEvent(event);
}

void TextView::Legend::paintEvent(QPaintEvent *) {
  QPainter p(this);
  p.fillRect(rect(), palette().window());
  if (!m_session->hasModel())
    return;
  const Quantity q = m_session->selectedQuantity();
  const QuantityRange range = unitRange(m_session->trace(), m_session->selectedLayer(), q, m_session->selectedUnit());
  int x = m_margin;
  const auto text = [&](const QString &words, int gap) {
    p.setPen(palette().windowText().color());
    p.drawText(QRect(x, 0, width(), height()), Qt::AlignVCenter | Qt::AlignLeft, words);
    x += fontMetrics().horizontalAdvance(words) + gap;
  };
  text(TextView::tr("colour: %1 of layer %2 unit %3")
           .arg(quantitySymbol(q))
           .arg(m_session->selectedLayer())
           .arg(m_session->selectedUnit()),
       12);
  text(QString::number(range.low, 'g', 2), 4);
  const QRect bar(x, height() / 2 - 5, 120, 10);
  QLinearGradient gradient(bar.topLeft(), bar.topRight());
  for (int k = 0; k <= 8; ++k)
    gradient.setColorAt(k / 8.0, quantityColor(q, range.low + (range.high - range.low) * k / 8.0, range));
  p.fillRect(bar, gradient);
  x = bar.right() + 5;
  text(QString::number(range.high, 'g', 2), 16);
  if (m_session->mode() == DriveMode::Write || tapeHasWrittenText())
    paintWrittenSample(p, x);
}

bool TextView::Legend::tapeHasWrittenText() const {
  for (int k = m_session->tapeLength() - 1; k >= 0; --k)
    if (m_session->tapeWritten(k))
      return true;
  return false;
}

void TextView::Legend::paintWrittenSample(QPainter &p, int x) {
  // The sample is styled as the text view styles written text: italic, underlined in writtenColor().
  QFont italic = font();
  italic.setItalic(true);
  const QString sample = TextView::tr("abc", "a sample of written text in the legend");
  const int sampleWidth = QFontMetrics(italic).horizontalAdvance(sample);
  p.setFont(italic);
  p.setPen(palette().windowText().color());
  p.drawText(QRect(x, 0, sampleWidth + 2, height()), Qt::AlignVCenter | Qt::AlignLeft, sample);
  p.fillRect(QRect(x, height() / 2 + QFontMetrics(italic).ascent() / 2 + 1, sampleWidth, 2), TextView::writtenColor());
  p.setFont(font());
  p.drawText(QRect(x + sampleWidth + 4, 0, width(), height()), Qt::AlignVCenter | Qt::AlignLeft,
             TextView::tr("written by the model"));
}

} // namespace lstm
