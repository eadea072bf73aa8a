#include "unit_discovery_panel.h"

#include "common/problem_text.h"
#include "common/quantity_style.h"
#include "common/refresh_coalescer.h"
#include "explorer_session.h"
#include "saturation_scatter.h"
#include "score_table_model.h"
#include "signed_bar_delegate.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <utility>

namespace lstm {

namespace {

constexpr Quantity kRankable[] = {Quantity::Cell,          Quantity::Hidden,    Quantity::InputGate,
                                  Quantity::ForgetGate,    Quantity::CandidateGate, Quantity::OutputGate};
constexpr double kStrong = 0.5; // |r| counted as "follows the feature" in the summary

} // namespace

QString UnitDiscoveryPanel::featureName(TextFeature f) {
  static const char *const names[] = {
      QT_TRANSLATE_NOOP("lstm::UnitDiscoveryPanel", "bracket depth"),
      QT_TRANSLATE_NOOP("lstm::UnitDiscoveryPanel", "inside quotes"),
      QT_TRANSLATE_NOOP("lstm::UnitDiscoveryPanel", "position in the line"),
      QT_TRANSLATE_NOOP("lstm::UnitDiscoveryPanel", "characters since the last space"),
      QT_TRANSLATE_NOOP("lstm::UnitDiscoveryPanel", "punctuation"),
      QT_TRANSLATE_NOOP("lstm::UnitDiscoveryPanel", "a's minus b's in the line"),
      QT_TRANSLATE_NOOP("lstm::UnitDiscoveryPanel", "regular expression…")};
  return UnitDiscoveryPanel::tr(names[int(f)]);
}

UnitDiscoveryPanel::UnitDiscoveryPanel(ExplorerSession *session, QWidget *parent)
    : QWidget(parent), m_session(session) {
  setObjectName(QStringLiteral("unitDiscoveryPanel"));
  m_quantityCombo = new QComboBox(this);
  m_quantityCombo->setObjectName(QStringLiteral("discoveryQuantityCombo"));
  for (Quantity q : kRankable)
    m_quantityCombo->addItem(QString(), int(q));
  m_featureCombo = new QComboBox(this);
  m_featureCombo->setObjectName(QStringLiteral("discoveryFeatureCombo"));
  for (TextFeature f : kTextFeatures)
    m_featureCombo->addItem(QString(), int(f));
  for (QComboBox *combo : {m_quantityCombo, m_featureCombo}) {
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(8);
  }
  m_regexEdit = new QLineEdit(this);
  m_regexEdit->setObjectName(QStringLiteral("discoveryRegexEdit"));
  m_regexEdit->setEnabled(false);
  for (QLabel **label : {&m_message, &m_summary}) {
    *label = new QLabel(this);
    (*label)->setWordWrap(true);
  }
  m_message->setObjectName(QStringLiteral("discoveryMessage"));
  m_summary->setObjectName(QStringLiteral("discoverySummary"));

  m_model = new ScoreTableModel(this);
  m_table = new QTableView(this);
  m_table->setObjectName(QStringLiteral("discoveryTable"));
  m_table->setModel(m_model);
  m_table->setItemDelegateForColumn(ScoreTableModel::BarColumn,
                                    new SignedBarDelegate(ScoreTableModel::kCorrelationRole, m_table));
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->verticalHeader()->hide();
  m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_table->horizontalHeader()->setSectionResizeMode(ScoreTableModel::BarColumn, QHeaderView::Stretch);
  m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);

  m_scatter = new SaturationScatter(this);
  // [Rank (quantity) by (feature)] [pattern] / message / summary / splitter: table | saturation scatter
  m_rankingBox = new QWidget(this);
  auto *rankingLayout = new QGridLayout(m_rankingBox);
  rankingLayout->setContentsMargins(0, 0, 0, 0);
  m_rankLabel = new QLabel(this);
  m_byLabel = new QLabel(this);
  rankingLayout->addWidget(m_rankLabel, 0, 0);
  rankingLayout->addWidget(m_quantityCombo, 0, 1);
  rankingLayout->addWidget(m_byLabel, 0, 2);
  rankingLayout->addWidget(m_featureCombo, 0, 3);
  rankingLayout->addWidget(m_regexEdit, 1, 0, 1, 4);
  rankingLayout->setColumnStretch(1, 2);
  rankingLayout->setColumnStretch(3, 3);
  auto *splitter = new QSplitter(Qt::Vertical, this);
  splitter->setObjectName(QStringLiteral("discoverySplitter"));
  splitter->setChildrenCollapsible(false);
  splitter->addWidget(m_table);
  splitter->addWidget(m_scatter);
  splitter->setStretchFactor(0, 1);
  splitter->setStretchFactor(1, 1);
  m_table->setMinimumHeight(60);
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(m_rankingBox);
  layout->addWidget(m_message);
  layout->addWidget(m_summary);
  layout->addWidget(splitter, 1);

  // Throttled, not debounced: while playing, the ranking follows the text a few times a second.
  m_refresher = new RefreshCoalescer(this, [this] { refresh(); }, 150);
  retranslateUi();
  connect(m_quantityCombo, &QComboBox::currentIndexChanged, this, [this] { markDirty(true); });
  connect(m_featureCombo, &QComboBox::currentIndexChanged, this, [this] {
    m_regexEdit->setEnabled(m_featureCombo->currentData().toInt() == int(TextFeature::Regex));
    markDirty(true);
    Q_EMIT featureChanged();
  });
  connect(m_regexEdit, &QLineEdit::textChanged, this, [this] {
    markDirty(true);
    Q_EMIT featureChanged();
  });
  connect(m_scatter, &SaturationScatter::gateChanged, this, [this] { markDirty(false); });
  connect(session, &ExplorerSession::modelChanged, this, [this] { markDirty(true); });
  for (auto signal : {&ExplorerSession::traceChanged, &ExplorerSession::tapeChanged,
                      &ExplorerSession::interventionsChanged})
    connect(session, signal, this, [this] { markDirty(false); });
  connect(session, &ExplorerSession::selectionChanged, this, [this] { requestRefresh(); });
  const auto select = [this](const QModelIndex &index) {
    if (index.isValid() && index.row() < int(m_scores.size()))
      m_session->selectUnit(m_layer, m_scores[std::size_t(index.row())].unit);
  };
  connect(m_table, &QTableView::clicked, this, select);
  connect(m_table, &QTableView::activated, this, select);
  connect(m_scatter, &SaturationScatter::unitClicked, this, [this](int unit) { m_session->selectUnit(m_layer, unit); });
  setMessage({}, false);
}

UnitDiscoveryPanel::~UnitDiscoveryPanel() = default;

void UnitDiscoveryPanel::retranslateUi() {
  for (int i = 0; i < m_quantityCombo->count(); ++i)
    m_quantityCombo->setItemText(i, quantityName(Quantity(m_quantityCombo->itemData(i).toInt())));
  for (int i = 0; i < m_featureCombo->count(); ++i)
    m_featureCombo->setItemText(i, featureName(TextFeature(m_featureCombo->itemData(i).toInt())));
  m_regexEdit->setPlaceholderText(tr("regular expression, e.g. [aeiou] or \\d+"));
  m_table->setToolTip(tr("Units of the selected layer, most correlated first. Click one to select it."));
  m_rankLabel->setText(tr("Rank"));
  m_byLabel->setText(tr("by"));
  m_model->retranslate();
}

void UnitDiscoveryPanel::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslateUi();
    markDirty(false); // the message and summary are composed on recompute
  }
  QWidget::changeEvent(event);
}

void UnitDiscoveryPanel::markDirty(bool newRanking) {
  m_dirty = true;
  m_newRanking = m_newRanking || newRanking;
  requestRefresh();
}

void UnitDiscoveryPanel::requestRefresh() {
  // Hidden (a closed or tabbed-away dock): no work; showEvent catches up.
  if (isVisible())
    m_refresher->request();
}

void UnitDiscoveryPanel::showEvent(QShowEvent *event) {
  QWidget::showEvent(event);
  m_refresher->request();
}

void UnitDiscoveryPanel::refreshNow() {
  m_refresher->runNow();
  m_scatter->replot(true);
}

void UnitDiscoveryPanel::resizeEvent(QResizeEvent *event) {
  QWidget::resizeEvent(event);
  fitLabels();
}
// A top-level layout does not give word-wrapped labels their height for the actual width; the table shrinks
// instead of the text being cut.
void UnitDiscoveryPanel::fitLabels() {
  const QMargins margins = layout()->contentsMargins();
  const int width = contentsRect().width() - margins.left() - margins.right();
  bool changed = false;
  for (QLabel *label : {m_message, m_summary}) {
    const int old = label->minimumHeight();
    label->setMinimumHeight(0); // QLabel's heightForWidth never answers less than the minimum
    const int height = label->text().isEmpty() ? 0 : label->heightForWidth(width);
    changed = changed || height != old;
    label->setMinimumHeight(height);
  }
  if (changed)
    layout()->activate(); // now, so a grab or export right after a refresh shows the new text
}

bool UnitDiscoveryPanel::refreshPending() const { return m_refresher->pending(); }
Quantity UnitDiscoveryPanel::quantity() const { return Quantity(m_quantityCombo->currentData().toInt()); }
const std::vector<UnitScore> &UnitDiscoveryPanel::saturation() const { return m_scatter->fractions(); }

void UnitDiscoveryPanel::refresh() {
  const int layer = m_session->hasModel() ? std::clamp(m_session->selectedLayer(), 0, m_session->layers() - 1) : -1;
  if (layer != m_layer)
    m_newRanking = true;
  if (m_dirty || m_newRanking)
    recompute();
  showSelection();
  m_scatter->replot();
}

void UnitDiscoveryPanel::setMessage(const QString &text, bool error) {
  m_message->setText(text);
  m_message->setStyleSheet(error ? QStringLiteral("color: #b2182b;") : QString());
  m_message->setVisible(!text.isEmpty());
}

void UnitDiscoveryPanel::recompute() {
  QElapsedTimer timer;
  timer.start();
  m_dirty = false;
  ++m_recomputes;
  m_scores.clear();
  std::vector<UnitScore> saturation;
  const bool hasModel = m_session->hasModel();
  const bool tokens = hasModel && m_session->model().config.usesTokens();
  const int steps = m_session->steps();
  m_layer = hasModel ? std::clamp(m_session->selectedLayer(), 0, m_session->layers() - 1) : -1;
  m_rankingBox->setVisible(!hasModel || tokens);
  m_table->setVisible(!hasModel || tokens);
  QString summary;
  if (!hasModel)
    setMessage(tr("No model: open one and read some text to rank its units."), false);
  else if (!tokens)
    setMessage(tr("This model reads numbers, not text, so there are no text features to rank units by. "
                  "The plot shows how often each gate saturates."),
               false);
  else if (steps == 0)
    setMessage(tr("Read some text to rank the units: step forward or type in the text panel."), false);
  else
    summary = rankByFeature(m_layer);
  if (hasModel && steps > 0) {
    saturation = saturationFractions(m_session->trace(), m_layer, m_scatter->gate());
    const auto mostly = [&saturation](double UnitScore::*fraction) {
      return std::count_if(saturation.begin(), saturation.end(),
                           [fraction](const UnitScore &s) { return s.*fraction > 0.5; });
    };
    const QString saturationLine =
        tr("%1 mostly > 0.9 in %2 of %3 units, mostly < 0.1 in %4.")
            .arg(quantityName(m_scatter->gate()), QString::number(mostly(&UnitScore::highFraction)),
                 QString::number(saturation.size()), QString::number(mostly(&UnitScore::lowFraction)));
    summary = summary.isEmpty() ? saturationLine : summary + QLatin1Char('\n') + saturationLine;
  }
  m_summary->setText(summary);
  m_summary->setVisible(!summary.isEmpty());
  fitLabels();
  m_model->setScores(&m_scores);
  if (std::exchange(m_newRanking, false)) // another question starts at its best answers; a longer text keeps
    m_table->scrollToTop();                // the user's place
  m_scatter->setFractions(std::move(saturation));
  m_lastRecomputeMs = double(timer.nsecsElapsed()) / 1e6;
}

std::vector<double> UnitDiscoveryPanel::featureValues() const {
  const auto feature = TextFeature(m_featureCombo->currentData().toInt());
  const QString pattern = m_regexEdit->text();
  if (!m_session->hasModel() || !m_session->model().config.usesTokens() ||
      (feature == TextFeature::Regex && pattern.isEmpty()))
    return {};
  return computeTextFeature(feature, m_session->tapeText().toStdU32String(), pattern);
}

QString UnitDiscoveryPanel::rankByFeature(int layer) {
  const auto feature = TextFeature(m_featureCombo->currentData().toInt());
  const QString pattern = m_regexEdit->text();
  if (feature == TextFeature::Regex && pattern.isEmpty()) {
    setMessage(tr("Type a regular expression: characters inside its matches count 1, the others 0."), false);
    return {};
  }
  Problem problem;
  const std::vector<double> values =
      computeTextFeature(feature, m_session->tapeText().toStdU32String(), pattern, &problem);
  if (problem.isSet()) {
    setMessage(problemText(problem), true);
    return {};
  }
  const QString subject = feature == TextFeature::Regex ? tr("matches of %1").arg(pattern) : featureName(feature);
  const auto steps = std::min(std::size_t(m_session->steps()), values.size());
  const auto [low, high] = std::minmax_element(values.begin(), values.begin() + std::ptrdiff_t(steps));
  if (steps == 0 || *low == *high) {
    setMessage(tr("The %1 does not change in the %2 steps read so far, so no unit can follow it.")
                   .arg(subject, QString::number(steps)), false);
    return {};
  }
  setMessage({}, false);
  m_scores = rankUnits(m_session->trace(), layer, quantity(), values);
  const auto strong = std::count_if(m_scores.begin(), m_scores.end(),
                                    [](const UnitScore &s) { return std::abs(s.correlation) >= kStrong; });
  const UnitScore &best = m_scores.front();
  return tr("Unit %1 follows %2 best (r = %3) over %4 steps of layer %5; %6 of %7 units have |r| ≥ %8.")
      .arg(QString::number(best.unit), subject, QString::number(best.correlation, 'f', 2), QString::number(steps),
           QString::number(layer), QString::number(strong), QString::number(m_scores.size()), QString::number(kStrong));
}

void UnitDiscoveryPanel::showSelection() {
  const bool sameLayer = m_session->hasModel() && m_session->selectedLayer() == m_layer;
  const int unit = sameLayer ? m_session->selectedUnit() : -1;
  const auto found = std::find_if(m_scores.begin(), m_scores.end(), [unit](const UnitScore &s) { return s.unit == unit; });
  if (found != m_scores.end()) {
    const int row = int(found - m_scores.begin());
    if (m_table->currentIndex().row() != row)
      m_table->selectRow(row);
    if (m_shownUnit >= 0 && unit != m_shownUnit) // chosen in another view: bring it into sight
      m_table->scrollTo(m_model->index(row, 0));
  } else {
    m_table->clearSelection();
  }
  m_scatter->showUnit(unit);
  m_shownUnit = unit;
}

} // namespace lstm
