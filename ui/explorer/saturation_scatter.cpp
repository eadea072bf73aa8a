#include "saturation_scatter.h"

#include "common/qcustomplot_include.h"
#include "common/quantity_style.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>

#include <utility>

namespace lstm {

namespace {
constexpr Quantity kGates[] = {Quantity::InputGate, Quantity::ForgetGate, Quantity::OutputGate};
} // namespace

SaturationScatter::SaturationScatter(QWidget *parent) : QWidget(parent) {
  m_label = new QLabel(this);
  m_gateCombo = new QComboBox(this);
  m_gateCombo->setObjectName(QStringLiteral("discoverySaturationGateCombo"));
  for (Quantity q : kGates)
    m_gateCombo->addItem(QString(), int(q));
  m_plot = new QCustomPlot(this);
  m_plot->setObjectName(QStringLiteral("saturationPlot"));
  m_plot->setMinimumHeight(160);
  for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis}) {
    axis->setRange(-0.03, 1.03);
    axis->ticker()->setTickCount(5);
  }
  // Points cannot lie beyond x + y = 1: a unit cannot be both saturations at once.
  auto *limit = new QCPItemLine(m_plot);
  limit->start->setCoords(0, 1);
  limit->end->setCoords(1, 0);
  limit->setPen(QPen(QColor(180, 180, 180), 1, Qt::DashLine));
  QCPGraph *dots = m_plot->addGraph();
  dots->setLineStyle(QCPGraph::lsNone);
  dots->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(33, 102, 172, 150), 6));
  QCPGraph *selected = m_plot->addGraph();
  selected->setLineStyle(QCPGraph::lsNone);
  selected->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(214, 39, 40), 2.5), QBrush(), 12));

  // [Saturation of the (gate)] / plot
  auto *layout = new QGridLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_label, 0, 0);
  layout->addWidget(m_gateCombo, 0, 1);
  layout->addWidget(m_plot, 1, 0, 1, 2);
  layout->setColumnStretch(1, 1);
  retranslateUi();
  connect(m_gateCombo, &QComboBox::currentIndexChanged, this, &SaturationScatter::gateChanged);
  connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *event) { onPlotClicked(event); });
}

void SaturationScatter::retranslateUi() {
  for (int i = 0; i < m_gateCombo->count(); ++i)
    m_gateCombo->setItemText(i, quantityName(Quantity(m_gateCombo->itemData(i).toInt())));
  m_plot->setToolTip(tr("One dot per unit: how often its gate is above 0.9 (x) and below 0.1 (y). "
                        "Click a dot to select the unit."));
  m_plot->xAxis->setLabel(tr("right-saturated (> 0.9)"));
  m_plot->yAxis->setLabel(tr("left-saturated (< 0.1)"));
  m_label->setText(tr("Saturation of the"));
}

void SaturationScatter::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslateUi();
    replot();
  }
  QWidget::changeEvent(event);
}

Quantity SaturationScatter::gate() const { return Quantity(m_gateCombo->currentData().toInt()); }

void SaturationScatter::setFractions(std::vector<UnitScore> fractions) {
  m_fractions = std::move(fractions);
  QVector<double> x, y;
  for (const UnitScore &s : m_fractions) {
    x.append(s.highFraction);
    y.append(s.lowFraction);
  }
  m_plot->graph(0)->setData(x, y);
}

void SaturationScatter::showUnit(int unit) {
  QCPGraph *highlight = m_plot->graph(1);
  if (unit >= 0 && unit < int(m_fractions.size()))
    highlight->setData({m_fractions[std::size_t(unit)].highFraction}, {m_fractions[std::size_t(unit)].lowFraction});
  else
    highlight->data()->clear();
}

void SaturationScatter::replot(bool immediately) {
  m_plot->replot(immediately ? QCustomPlot::rpImmediateRefresh : QCustomPlot::rpQueuedReplot);
}

void SaturationScatter::onPlotClicked(QMouseEvent *event) {
  // The nearest dot within a few pixels; overlapping dots give the lowest unit.
  constexpr double kReach = 8.0;
  const QPointF at = event->position();
  int nearest = -1;
  double nearestDistance = kReach * kReach;
  for (std::size_t k = 0; k < m_fractions.size(); ++k) {
    const double dx = m_plot->xAxis->coordToPixel(m_fractions[k].highFraction) - at.x();
    const double dy = m_plot->yAxis->coordToPixel(m_fractions[k].lowFraction) - at.y();
    if (dx * dx + dy * dy < nearestDistance) {
      nearestDistance = dx * dx + dy * dy;
      nearest = int(k);
    }
  }
  if (nearest >= 0)
    Q_EMIT unitClicked(nearest);
}

} // namespace lstm
