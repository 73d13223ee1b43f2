# gradrepl-corpus: target=model.trainable_variables cause=outside_tape line=22 symptom=error
import tensorflow as tf


class ConvNet(tf.keras.Model):
    def __init__(self, classes):
        super().__init__()
        self.conv = tf.keras.layers.Conv2D(8, 3, activation="relu")
        self.pool = tf.keras.layers.GlobalAveragePooling2D()
        self.fc = tf.keras.layers.Dense(classes)

    def call(self, images, training=False):
        h = self.conv(images)
        h = self.pool(h)
        return self.fc(h)


model = ConvNet(4)
opt = tf.keras.optimizers.Adam(1e-3)
images = tf.random.uniform((6, 10, 10, 3))
labels = tf.constant([0, 1, 2, 3, 0, 1])
logits = model(images, training=True)
with tf.GradientTape() as tape:
    loss = tf.reduce_mean(tf.keras.losses.sparse_categorical_crossentropy(labels, logits, from_logits=True))
grads = tape.gradient(loss, model.trainable_variables)
opt.apply_gradients(zip(grads, model.trainable_variables))
