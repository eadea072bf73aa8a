#include "training_timeline_bar.h"

#include "common/refresh_coalescer.h"
#include "common/steady_label.h"

#include <QCheckBox>
#include <QEvent>
#include <QVBoxLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>

namespace lstm {

TrainingTimelineBar::TrainingTimelineBar(QWidget *parent) : QWidget(parent) {
  setObjectName(QStringLiteral("trainingTimelineBar"));
  m_chooser = new RefreshCoalescer(this, [this] { choose(); });

  m_exploreNow = new QPushButton(this);
  m_exploreNow->setObjectName(QStringLiteral("exploreNowButton"));
  m_follow = new QCheckBox(this);
  m_follow->setObjectName(QStringLiteral("followCheck"));
  m_every = new QSpinBox(this);
  m_every->setObjectName(QStringLiteral("snapshotEverySpin"));
  m_every->setRange(1, 1000000);
  m_every->setValue(50);
  m_slider = new QSlider(Qt::Horizontal, this);
  m_slider->setObjectName(QStringLiteral("timelineSlider"));
  m_slider->setRange(0, 0);
  m_slider->setEnabled(false);
  m_label = new SteadyLabel(this); // wrapped in a narrow dock; its changing numbers never move what is below
  m_label->setObjectName(QStringLiteral("timelineLabel"));

  auto *top = new QHBoxLayout;
  top->setContentsMargins(0, 0, 0, 0);
  top->addWidget(m_exploreNow);
  top->addWidget(m_follow);
  top->addStretch(1);
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(top);
  layout->addWidget(m_every, 0, Qt::AlignLeft);
  layout->addWidget(m_slider);
  layout->addWidget(m_label);

  connect(m_exploreNow, &QPushButton::clicked, this, &TrainingTimelineBar::exploreNowClicked);
  connect(m_every, &QSpinBox::valueChanged, this, &TrainingTimelineBar::snapshotEveryChanged);
  connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
    if (on && !m_timeline.empty())
      showIteration(m_timeline.snapshots().back().iteration);
  });
  connect(m_slider, &QSlider::valueChanged, this, [this](int value) {
    updateLabel();
    if (m_moving)
      return;
    // The user went back in time: following the newest weights would yank the view away from what they chose.
    if (value < m_slider->maximum())
      m_follow->setChecked(false);
    m_chooser->request();
  });
  retranslateUi();
}

void TrainingTimelineBar::retranslateUi() {
  m_exploreNow->setText(tr("Explore these weights"));
  m_exploreNow->setToolTip(tr("Show the explorer's text as the model sees it right now (a copy of the weights)"));
  m_follow->setText(tr("Follow"));
  m_follow->setToolTip(tr("Re-run the explorer's text with the newest weights at every snapshot, so the gates "
                          "change as the model learns"));
  m_every->setPrefix(tr("snapshot every "));
  m_every->setSuffix(tr(" iterations"));
  m_slider->setToolTip(tr("Training time: drag to see the explorer's text through the weights of that moment"));
  updateLabel();
}

void TrainingTimelineBar::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange)
    retranslateUi();
  QWidget::changeEvent(event);
}

void TrainingTimelineBar::addSnapshot(std::shared_ptr<const Model> model, qint64 iteration) {
  // Thinning may drop the snapshot under the slider: keep the user's moment by iteration, not by index.
  const qint64 shown = currentIndex() >= 0 ? m_timeline.snapshots()[std::size_t(currentIndex())].iteration : -1;
  m_timeline.add(std::move(model), iteration);
  updateSlider();
  if (follow())
    showIteration(iteration);
  else if (shown >= 0) {
    m_moving = true;
    m_slider->setValue(m_timeline.indexNear(shown));
    m_moving = false;
  }
  updateLabel();
}

void TrainingTimelineBar::clear() {
  m_timeline.clear();
  updateSlider();
  updateLabel();
}

void TrainingTimelineBar::showIteration(qint64 iteration) {
  const int index = m_timeline.indexNear(iteration);
  if (index < 0)
    return;
  m_moving = true;
  m_slider->setValue(index);
  m_moving = false;
  m_chooser->request();
}

int TrainingTimelineBar::snapshotEvery() const { return m_every->value(); }
void TrainingTimelineBar::setSnapshotEvery(int iterations) { m_every->setValue(iterations); }
bool TrainingTimelineBar::follow() const { return m_follow->isChecked(); }
void TrainingTimelineBar::setFollow(bool on) { m_follow->setChecked(on); }
int TrainingTimelineBar::currentIndex() const { return m_timeline.empty() ? -1 : m_slider->value(); }

void TrainingTimelineBar::flush() {
  if (m_chooser->pending())
    m_chooser->runNow();
}

void TrainingTimelineBar::updateSlider() {
  m_moving = true;
  m_slider->setRange(0, std::max(0, m_timeline.size() - 1));
  m_moving = false;
  m_slider->setEnabled(m_timeline.size() > 1);
}

void TrainingTimelineBar::updateLabel() {
  m_label->setReservedTexts({tr("No snapshots yet: they are taken while training."),
                             tr("Iteration %1 (snapshot %2 of %3, %4 MiB kept)")
                                 .arg(QLocale().toString(99999999))
                                 .arg(9999)
                                 .arg(9999)
                                 .arg(99999.9, 0, 'f', 1)});
  if (m_timeline.empty()) {
    m_label->setText(tr("No snapshots yet: they are taken while training."));
    return;
  }
  const TrainingSnapshot &shown = m_timeline.snapshots()[std::size_t(currentIndex())];
  m_label->setText(tr("Iteration %1 (snapshot %2 of %3, %4 MiB kept)")
                       .arg(QLocale().toString(shown.iteration))
                       .arg(currentIndex() + 1)
                       .arg(m_timeline.size())
                       .arg(double(m_timeline.bytes()) / double(1 << 20), 0, 'f', 1));
}

void TrainingTimelineBar::choose() {
  const int index = currentIndex();
  if (index < 0)
    return;
  const TrainingSnapshot &snapshot = m_timeline.snapshots()[std::size_t(index)];
  Q_EMIT snapshotChosen(snapshot.model, snapshot.iteration);
}

} // namespace lstm
