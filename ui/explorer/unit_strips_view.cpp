#include "unit_strips_view.h"

#include "common/dialogs.h"
#include "common/display_style.h"
#include "common/refresh_coalescer.h"
#include "explore/unit_ranking.h"
#include "explorer_session.h"
#include "unit_discovery_panel.h"
#include "unit_strips_export.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace lstm {

UnitStripsView::UnitStripsView(ExplorerSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_canvas(new UnitStripsCanvas(session, this)),
      m_refresher(new RefreshCoalescer(this, [this] { refresh(); }, 40)) {
  setObjectName(QStringLiteral("unitStripsView"));
  m_showLabel = new QLabel(this);
  m_sourceCombo = new QComboBox(this);
  m_sourceCombo->setObjectName(QStringLiteral("stripsSourceCombo"));
  for (StripSource source : {StripSource::Traced, StripSource::Chosen, StripSource::Ranked})
    m_sourceCombo->addItem(QString(), int(source));
  m_unitsEdit = new QLineEdit(this);
  m_unitsEdit->setObjectName(QStringLiteral("stripsUnitsEdit"));
  m_countSpin = new QSpinBox(this);
  m_countSpin->setObjectName(QStringLiteral("stripsCountSpin"));
  m_countSpin->setRange(1, 32);
  m_countSpin->setValue(6);
  m_byLabel = new QLabel(this);
  m_featureCombo = new QComboBox(this);
  m_featureCombo->setObjectName(QStringLiteral("stripsFeatureCombo"));
  for (TextFeature f : kTextFeatures)
    if (f != TextFeature::Regex) // a pattern needs its own box: the unit discovery panel has it
      m_featureCombo->addItem(QString(), int(f));
  m_featureCombo->setCurrentIndex(m_featureCombo->findData(int(TextFeature::LinePosition)));
  // Short boxes: the dock shares a narrow projector screen; the full texts are in the open lists.
  for (QComboBox *combo : {m_sourceCombo, m_featureCombo}) {
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(6);
  }
  m_unitsEdit->setMinimumWidth(60);
  m_exportButton = new QToolButton(this);
  m_exportButton->setObjectName(QStringLiteral("stripsExportButton"));
  m_message = new QLabel(this);
  m_message->setObjectName(QStringLiteral("stripsMessage"));
  m_message->setWordWrap(true);

  auto *controls = new QHBoxLayout;
  controls->addWidget(m_showLabel);
  controls->addWidget(m_sourceCombo);
  controls->addWidget(m_unitsEdit, 1);
  controls->addWidget(m_countSpin);
  controls->addWidget(m_byLabel);
  controls->addWidget(m_featureCombo, 1);
  controls->addStretch();
  controls->addWidget(m_exportButton);
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(controls);
  layout->addWidget(m_message);
  layout->addWidget(m_canvas, 1);

  connect(m_sourceCombo, &QComboBox::currentIndexChanged, this, [this] {
    if (source() == StripSource::Chosen && m_chosen.empty()) {
      m_chosen = strips(); // start from what is shown, so "take these and add one" is one edit
      for (UnitStrip &strip : m_chosen)
        strip.correlation = std::numeric_limits<double>::quiet_NaN();
      m_unitsEdit->setText(chosenUnitsText());
    }
    m_unitsError.clear();
    updateControls();
    requestRefresh();
  });
  // Applied when the user is done (Enter or leaving the box), never per keystroke: "123" is unit 123 only.
  connect(m_unitsEdit, &QLineEdit::editingFinished, this, [this] { setChosenUnits(m_unitsEdit->text()); });
  connect(m_countSpin, &QSpinBox::valueChanged, this, [this] { requestRefresh(); });
  connect(m_featureCombo, &QComboBox::currentIndexChanged, this, [this] { requestRefresh(); });
  connect(m_exportButton, &QToolButton::clicked, this, [this] { exportWithDialog(); });
  connect(m_canvas, &UnitStripsCanvas::labelClicked, this, [this](int strip) {
    const UnitStrip s = strips()[std::size_t(strip)];
    m_session->selectUnit(s.layer, s.unit);
  });
  for (auto signal : {&ExplorerSession::modelChanged, &ExplorerSession::tapeChanged, &ExplorerSession::traceChanged,
                      &ExplorerSession::selectionChanged, &ExplorerSession::interventionsChanged})
    connect(session, signal, this, [this] { requestRefresh(); });
  connect(session, &ExplorerSession::cursorChanged, this, [this] { requestRefresh(); });
  connect(&displayStyle(), &DisplayStyle::changed, this, [this] { requestRefresh(); });
  retranslateUi();
  updateControls();
  m_refresher->runNow();
}

UnitStripsView::~UnitStripsView() = default;

void UnitStripsView::retranslateUi() {
  m_showLabel->setText(tr("Strips:"));
  m_sourceCombo->setItemText(0, tr("units traced in the other views"));
  m_sourceCombo->setItemText(1, tr("units I choose"));
  m_sourceCombo->setItemText(2, tr("top units of unit discovery"));
  m_unitsEdit->setPlaceholderText(tr("units, e.g. 25, 3 or 1:7 (layer 1, unit 7); Enter applies"));
  m_countSpin->setToolTip(tr("How many of the best-ranked units to show"));
  m_byLabel->setText(tr("by"));
  for (int i = 0; i < m_featureCombo->count(); ++i)
    m_featureCombo->setItemText(i, UnitDiscoveryPanel::featureName(TextFeature(m_featureCombo->itemData(i).toInt())));
  m_exportButton->setText(tr("Export…"));
  m_exportButton->setToolTip(tr("Save this view alone as PNG, SVG or HTML, for slides"));
  m_canvas->setToolTip({});
}

void UnitStripsView::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslateUi();
    requestRefresh(); // labels, legend and message are composed on refresh
  }
  QWidget::changeEvent(event);
}

void UnitStripsView::showEvent(QShowEvent *event) {
  QWidget::showEvent(event);
  m_refresher->request();
}

void UnitStripsView::requestRefresh() {
  if (isVisible()) // hidden (a closed or tabbed-away dock): no work; showEvent catches up
    m_refresher->request();
}

void UnitStripsView::refreshNow() { m_refresher->runNow(); }

StripSource UnitStripsView::source() const { return StripSource(m_sourceCombo->currentData().toInt()); }

void UnitStripsView::setSource(StripSource source) {
  m_sourceCombo->setCurrentIndex(m_sourceCombo->findData(int(source)));
}

void UnitStripsView::setRanking(TextFeature feature, int count) {
  m_featureCombo->setCurrentIndex(m_featureCombo->findData(int(feature)));
  m_countSpin->setValue(count);
  setSource(StripSource::Ranked);
  requestRefresh();
}

QString UnitStripsView::message() const { return m_message->text(); }

void UnitStripsView::setMessage(const QString &text) {
  m_message->setText(text);
  m_message->setVisible(!text.isEmpty());
}

void UnitStripsView::updateControls() {
  const StripSource shown = source();
  m_unitsEdit->setVisible(shown == StripSource::Chosen);
  for (QWidget *widget : std::initializer_list<QWidget *>{m_countSpin, m_byLabel, m_featureCombo})
    widget->setVisible(shown == StripSource::Ranked);
}

QString UnitStripsView::chosenUnitsText() const {
  QStringList parts;
  const int selectedLayer = m_session->selectedLayer();
  for (const UnitStrip &strip : m_chosen)
    parts << (strip.layer == selectedLayer ? QString::number(strip.unit)
                                           : QStringLiteral("%1:%2").arg(strip.layer).arg(strip.unit));
  return parts.join(QStringLiteral(", "));
}

bool UnitStripsView::setChosenUnits(const QString &text) {
  static const QRegularExpression entry(QStringLiteral("^(?:(\\d+):)?(\\d+)$"));
  std::vector<UnitStrip> chosen;
  for (const QString &part : text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts)) {
    const QRegularExpressionMatch match = entry.match(part);
    const int layer = match.hasMatch() && match.hasCaptured(1) ? match.captured(1).toInt() : m_session->selectedLayer();
    const int unit = match.hasMatch() ? match.captured(2).toInt() : -1;
    if (!match.hasMatch() || layer >= m_session->layers() || unit >= m_session->units()) {
      m_unitsError = !match.hasMatch() ? tr("“%1” is not a unit: write 25, or 1:7 for unit 7 of layer 1.").arg(part)
                                       : tr("The model has no unit %1 in layer %2 (%3 layers of %4 units).")
                                             .arg(unit)
                                             .arg(layer)
                                             .arg(m_session->layers())
                                             .arg(m_session->units());
      setMessage(m_unitsError);
      return false;
    }
    const bool known = std::any_of(chosen.begin(), chosen.end(),
                                   [&](const UnitStrip &s) { return s.layer == layer && s.unit == unit; });
    if (!known)
      chosen.push_back({layer, unit});
  }
  m_unitsError.clear();
  m_chosen = std::move(chosen);
  m_unitsEdit->setText(chosenUnitsText());
  setSource(StripSource::Chosen);
  requestRefresh();
  return true;
}

std::vector<UnitStrip> UnitStripsView::rankedStrips() {
  if (!m_session->hasModel() || !m_session->model().config.usesTokens()) {
    setMessage(tr("Unit discovery ranks units by features of a text; this model reads numbers."));
    return {};
  }
  const auto feature = TextFeature(m_featureCombo->currentData().toInt());
  const std::vector<double> values = computeTextFeature(feature, m_session->tapeText().toStdU32String());
  const int layer = std::clamp(m_session->selectedLayer(), 0, m_session->layers() - 1);
  const std::vector<UnitScore> scores = rankUnits(m_session->trace(), layer, m_session->selectedQuantity(), values);
  const auto steps = std::min(std::size_t(m_session->steps()), values.size());
  const auto [low, high] = std::minmax_element(values.begin(), values.begin() + std::ptrdiff_t(steps));
  if (steps == 0 || *low == *high) {
    setMessage(tr("The %1 does not change in the %2 steps read so far, so no unit can follow it.")
                   .arg(UnitDiscoveryPanel::featureName(feature))
                   .arg(steps));
    return {};
  }
  std::vector<UnitStrip> strips;
  for (std::size_t k = 0; k < scores.size() && int(k) < m_countSpin->value(); ++k)
    strips.push_back({layer, scores[k].unit, scores[k].correlation});
  return strips;
}

void UnitStripsView::refresh() {
  setMessage(m_unitsError);
  std::vector<UnitStrip> shown;
  if (m_session->hasModel()) {
    switch (source()) {
    case StripSource::Traced:
      for (int unit : m_session->tracedUnits())
        shown.push_back({m_session->selectedLayer(), unit});
      break;
    case StripSource::Chosen:
      for (const UnitStrip &strip : m_chosen)
        if (strip.layer < m_session->layers() && strip.unit < m_session->units())
          shown.push_back(strip);
      if (shown.empty() && m_unitsError.isEmpty())
        setMessage(tr("Type the units to show, e.g. 25, 3, and press Enter."));
      break;
    case StripSource::Ranked:
      shown = rankedStrips();
      break;
    }
  } else {
    setMessage(tr("No model: open one to see its units over the text."));
  }
  m_canvas->setStrips(std::move(shown));
}

QString UnitStripsView::exportFilter() {
  return tr("PNG image (*.png);;SVG image (*.svg);;HTML page (*.html)");
}

bool UnitStripsView::exportTo(const QString &path, QString *error) {
  refreshNow();
  return exportUnitStrips(*m_canvas, path, error);
}

void UnitStripsView::exportWithDialog() {
  const QString path = dialogs::saveFile(this, tr("Export units over the text"), QStringLiteral("units-over-text.png"),
                                         exportFilter());
  if (path.isEmpty())
    return;
  QString error;
  if (!exportTo(path, &error))
    dialogs::error(this, tr("Export failed"), error);
}

} // namespace lstm
