#include "next_token_view.h"

#include "common/plot_export.h"
#include "common/qcustomplot_include.h"
#include "common/refresh_coalescer.h"
#include "explorer_session.h"
#include "step_values.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace lstm {

namespace {
constexpr int kDefaultTopK = 10;
constexpr int kMaxPredictionBars = 32; // regression heads: the first outputs, enough for a screen
const QColor kBarColor(33, 102, 172);
const QColor kActualColor(230, 120, 0);
} // namespace

NextTokenView::NextTokenView(ExplorerSession *session, QWidget *parent) : QWidget(parent), m_session(session) {
  setObjectName(QStringLiteral("nextTokenView"));
  m_topKSpin = new QSpinBox(this);
  m_topKSpin->setObjectName(QStringLiteral("topKSpin"));
  m_topKSpin->setRange(1, 32);
  m_topKSpin->setValue(kDefaultTopK);
  m_topKLabel = new QLabel(this);
  m_topKLabel->setBuddy(m_topKSpin);
  m_plot = new QCustomPlot(this);
  m_plot->setObjectName(QStringLiteral("nextTokenPlot"));
  m_plot->setMinimumSize(160, 110); // small enough for a 1024 × 700 window

  auto *controls = new QHBoxLayout;
  controls->addWidget(m_topKLabel);
  controls->addWidget(m_topKSpin);
  controls->addStretch(1);
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(controls);
  layout->addWidget(m_plot, 1);

  m_plot->plotLayout()->insertRow(0);
  m_title = new QCPTextElement(m_plot, QString(), font());
  m_plot->plotLayout()->addElement(0, 0, m_title);
  // Bars grow to the right from a vertical key axis, the most likely on top.
  m_bars = new QCPBars(m_plot->yAxis, m_plot->xAxis);
  m_bars->setWidth(0.7);
  m_bars->setPen(Qt::NoPen);
  m_bars->setBrush(kBarColor);
  m_bars->setSelectable(QCP::stNone);
  m_actualBars = new QCPBars(m_plot->yAxis, m_plot->xAxis);
  m_actualBars->setWidth(0.7);
  m_actualBars->setPen(Qt::NoPen);
  m_actualBars->setBrush(kActualColor);
  m_actualBars->setSelectable(QCP::stNone);
  m_plot->yAxis->setRangeReversed(true);
  m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTickerText));
  m_plot->yAxis->setSubTicks(false);
  m_plot->yAxis->setTickLength(0, 3);
  m_plot->yAxis->grid()->setVisible(false);
  QFont tickFont = font();
  tickFont.setPointSizeF(tickFont.pointSizeF() * 1.15);
  m_plot->yAxis->setTickLabelFont(tickFont);

  m_refresher = new RefreshCoalescer(this, [this] { refresh(); });
  retranslateUi();
  connect(m_topKSpin, &QSpinBox::valueChanged, m_refresher, [this] { m_refresher->request(); });
  connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *e) { m_pressPos = e->position().toPoint(); });
  connect(m_plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent *e) { onMouseRelease(e); });
  for (auto signal : {&ExplorerSession::modelChanged, &ExplorerSession::traceChanged, &ExplorerSession::samplingChanged})
    connect(session, signal, m_refresher, [this] { requestRefresh(); });
  connect(session, &ExplorerSession::cursorChanged, m_refresher, [this] { requestRefresh(); });
  connect(session, &ExplorerSession::modeChanged, m_refresher, [this] { requestRefresh(); });
  m_refresher->request();
}

NextTokenView::~NextTokenView() = default;

void NextTokenView::requestRefresh() {
  // A hidden view (closed or tabbed-away dock) does no work; showEvent catches up.
  if (isVisible())
    m_refresher->request();
}

long long NextTokenView::refreshCount() const { return m_refresher->refreshCount(); }
QString NextTokenView::title() const { return m_title->text(); }

void NextTokenView::refreshNow() {
  m_refresher->runNow();
  m_plot->replot(QCustomPlot::rpImmediateRefresh);
}

bool NextTokenView::exportImage(const QString &path, QString *error) {
  refreshNow();
  return savePlot(m_plot, path, error);
}

void NextTokenView::refresh() {
  m_tokens.clear();
  m_values.clear();
  m_names.clear();
  m_actualIndex = -1;
  const int step = m_session->hasModel() ? m_session->cursor() : -1;
  // Top-k means nothing to a prediction.
  const bool distribution = !m_session->hasModel() || m_session->model().config.head == HeadKind::Softmax;
  m_topKLabel->setVisible(distribution);
  m_topKSpin->setVisible(distribution);
  if (!m_session->hasModel())
    m_title->setText(tr("No model"));
  else if (step < 0)
    m_title->setText(tr("No step yet"));
  else if (m_session->isSeriesTape())
    loadSeriesPrediction(step);
  else if (m_session->model().config.head == HeadKind::Regression)
    loadPrediction(step);
  else
    loadDistribution(step);
  layoutBars();
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void NextTokenView::loadDistribution(int step) {
  const Trace &trace = m_session->trace();
  m_topKSpin->setMaximum(std::max(trace.topK(), 1));
  const auto top = trace.topNext(step);
  const int shown = std::min(int(top.size()), m_topKSpin->value());
  const bool known = step + 1 < trace.steps();
  const std::int32_t actual = known ? trace.token(step + 1) : -1;
  for (int i = 0; i < shown; ++i) {
    m_tokens.append(top[std::size_t(i)].token);
    m_values.push_back(top[std::size_t(i)].probability);
    m_names.push_back(m_session->tokenLabel(top[std::size_t(i)].token));
    if (top[std::size_t(i)].token == actual)
      m_actualIndex = i;
  }
  QString text = tr("After '%1' (step %2)").arg(m_session->tokenLabel(trace.token(step))).arg(step + 1);
  if (actual >= 0) {
    // The recorded loss gives the probability even outside the top-k; such a token gets a bar of its own
    // below the others.
    const float loss = trace.loss(step);
    const double probability = std::exp(-double(loss));
    const QString p = std::isfinite(loss) ? QString::number(probability, 'f', 3) : tr("?");
    text += QLatin1Char('\n') + tr("next read: '%1', p = %2").arg(m_session->tokenLabel(actual), p);
    if (m_actualIndex < 0 && std::isfinite(loss)) {
      m_actualIndex = int(m_values.size());
      m_tokens.append(actual);
      m_values.push_back(probability);
      m_names.push_back(m_session->tokenLabel(actual));
    }
  } else if (m_session->pickMode() && m_session->mode() == DriveMode::Write && step + 1 == trace.steps()) {
    text += QLatin1Char('\n') + tr("click a bar to write that character");
  }
  m_title->setText(text);
}

void NextTokenView::loadPrediction(int step) {
  const Trace &trace = m_session->trace();
  const auto prediction = trace.prediction(step);
  for (std::size_t d = 0; d < prediction.size() && int(d) < kMaxPredictionBars; ++d) {
    m_values.push_back(prediction[d]);
    m_names.push_back(tr("ŷ%1").arg(d));
  }
  QString text = tr("Prediction at step %1").arg(step + 1);
  if (const float loss = trace.loss(step); std::isfinite(loss))
    text += QLatin1Char('\n') + tr("squared error %1").arg(double(loss), 0, 'g', 4);
  m_title->setText(text);
}

void NextTokenView::loadSeriesPrediction(int step) {
  // Original units: the value read, the model's guess at the next one and, once read, the true next value.
  const double read = step < m_session->tapeLength() ? m_session->tapeValue(step) : std::nan("");
  const double predicted = m_session->predictionAt(step);
  m_values = {read, predicted};
  m_names = {tr("read xₜ"), tr("predicted")};
  QString text = tr("Step %1 read %2").arg(step + 1).arg(formatSeriesValue(read));
  text += QLatin1Char('\n') + tr("predicts %1").arg(formatSeriesValue(predicted));
  if (step + 1 < m_session->steps()) {
    const double actual = m_session->tapeValue(step + 1);
    m_actualIndex = 2;
    m_values.push_back(actual);
    m_names.push_back(tr("next value"));
    text += QStringLiteral(", ") + tr("next value %1 (error %2)")
                                      .arg(formatSeriesValue(actual), formatSeriesValue(predicted - actual));
  }
  m_title->setText(text);
}

void NextTokenView::layoutBars() {
  const int count = int(m_values.size());
  QVector<double> keys(count), values(count);
  auto ticker = qSharedPointerDynamicCast<QCPAxisTickerText>(m_plot->yAxis->ticker());
  ticker->clear();
  double low = 0.0, high = 0.0;
  for (int i = 0; i < count; ++i) {
    keys[i] = i;
    values[i] = m_values[std::size_t(i)];
    ticker->addTick(i, m_names[std::size_t(i)]);
    low = std::min(low, values[i]);
    high = std::max(high, values[i]);
  }
  m_bars->setData(keys, values, true);
  if (m_actualIndex >= 0)
    m_actualBars->setData({double(m_actualIndex)}, {values[m_actualIndex]}, true);
  else
    m_actualBars->data()->clear();
  // Room at the end of the bars for the written values.
  if (high - low <= 0.0)
    high = 1.0;
  const double margin = 0.3 * (high - low);
  m_plot->xAxis->setRange(low < 0.0 ? low - margin : 0.0, high > 0.0 ? high + margin : 0.0);
  m_plot->yAxis->setRange(-0.6, std::max(count, 1) - 0.4);
  const bool series = m_session->hasModel() && m_session->isSeriesTape();
  m_plot->xAxis->setLabel(series ? tr("value (original units)")
                          : m_session->hasModel() && m_session->model().config.head == HeadKind::Regression
                              ? tr("predicted value")
                              : tr("probability"));
  while (int(m_labels.size()) < count) {
    auto *label = new QCPItemText(m_plot);
    label->setSelectable(false);
    label->setPadding(QMargins(4, 0, 4, 0));
    label->setClipToAxisRect(false);
    m_labels.push_back(label);
  }
  for (std::size_t i = 0; i < m_labels.size(); ++i) {
    QCPItemText *label = m_labels[i];
    label->setVisible(int(i) < count);
    if (int(i) >= count)
      continue;
    const double value = m_values[i];
    label->position->setCoords(value, double(i)); // (key axis is vertical: x = value, y = key)
    label->setPositionAlignment(Qt::AlignVCenter | (value < 0.0 ? Qt::AlignRight : Qt::AlignLeft));
    label->setText(series ? formatSeriesValue(value) : QString::number(value, 'f', 3));
    label->setColor(int(i) == m_actualIndex ? kActualColor.darker(130) : QColor(40, 40, 40));
  }
}

QRect NextTokenView::barRect(int index) const {
  if (index < 0 || index >= int(m_values.size()))
    return {};
  const QRect area = m_plot->axisRect()->rect();
  const double end = m_plot->xAxis->coordToPixel(m_values[std::size_t(index)]);
  const double start = m_plot->xAxis->coordToPixel(0.0);
  const QPoint centre(int(std::lround(0.5 * (start + end))), int(std::lround(m_plot->yAxis->coordToPixel(index))));
  if (!area.contains(centre))
    return {};
  return QRect(m_plot->mapTo(this, centre) - QPoint(1, 1), QSize(3, 3));
}

int NextTokenView::barAt(const QPointF &position) const {
  if (!m_plot->axisRect()->rect().contains(position.toPoint()))
    return -1;
  // The whole row counts, so that a tiny probability is still easy to pick.
  const int index = int(std::lround(m_plot->yAxis->pixelToCoord(position.y())));
  return index >= 0 && index < int(m_values.size()) ? index : -1;
}

void NextTokenView::onMouseRelease(QMouseEvent *event) {
  if (event->button() != Qt::LeftButton || (event->position().toPoint() - m_pressPos).manhattanLength() > 3)
    return;
  // Picking continues the text from its last step, so it is offered only while the bars show that step.
  const bool picking = m_session->hasModel() && m_session->pickMode() && m_session->mode() == DriveMode::Write &&
                       m_session->cursor() >= 0 && m_session->cursor() + 1 == m_session->steps();
  const int index = barAt(event->position());
  if (picking && index >= 0 && index < m_tokens.size())
    m_session->stepWithToken(m_tokens[index]);
}

void NextTokenView::retranslateUi() {
  m_topKSpin->setToolTip(tr("How many of the most likely next characters to show"));
  m_topKLabel->setText(tr("Top"));
}

void NextTokenView::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslateUi();
    m_refresher->request(); // title, bar names and axis label are built on refresh
  }
  QWidget::changeEvent(event);
}

void NextTokenView::showEvent(QShowEvent *event) {
  QWidget::showEvent(event);
  m_refresher->request();
}

} // namespace lstm
