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
  text(QString::number(range.high, 'g', 2), 0);
}

} // namespace lstm
