# gradrepl-corpus: target=model.trainable_variables cause=none
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((5,)), tf.keras.layers.Dense(16, activation="relu"), tf.keras.layers.Dense(3)])
opt = tf.keras.optimizers.Adam(1e-3)
unlabeled = tf.random.normal((20, 5))
with tf.GradientTape() as tape:
    logits = model(unlabeled, training=True)
    probs = tf.nn.softmax(logits)
    pseudo = tf.argmax(probs, axis=-1)
    confident = tf.cast(tf.reduce_max(probs, axis=-1) > 0.4, tf.float32)
    per = tf.keras.losses.sparse_categorical_crossentropy(pseudo, logits, from_logits=True)
    loss = tf.reduce_sum(per * confident) / (tf.reduce_sum(confident) + 1e-6)
grads = tape.gradient(loss, model.trainable_variables)
opt.apply_gradients(zip(grads, model.trainable_variables))
